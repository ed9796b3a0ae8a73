package org.custodian.platform.web;

import java.io.Serializable;

/**
 * One choice of a menu, radio or checkbox list on a screen: the submitted value and what it says.
 */
public record Option(String value, String label) implements Serializable {}
