package org.custodian.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JSON over HTTP under /api, HTTP Basic with the same users and roles as the screens. */
@ApplicationPath("api")
public class RestApplication extends Application {}
