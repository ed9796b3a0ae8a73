package org.custodian.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * JSON over HTTP under /api, HTTP Basic with the same users and roles as the screens. The server
 * describes the whole API at {@code /openapi} (MicroProfile OpenAPI, generated from the resources
 * and their request records); docs/api.md says who may call what.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Custodian API",
            version = "1",
            description =
                "The workflows the NYPD's impact and use policies require: access authorization,"
                    + " disclosure approval, breach reporting, addenda and oversight. A refused"
                    + " request is an RFC 9457 problem document naming the field; who may call"
                    + " what is in docs/api.md.",
            license = @License(name = "See the repository")),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(
    securitySchemeName = "basic",
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description = "The user's Custodian (or directory) username and password")
public class RestApplication extends Application {}
