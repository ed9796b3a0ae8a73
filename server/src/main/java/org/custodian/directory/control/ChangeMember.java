package org.custodian.directory.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An administrator corrects a member's name or rank ({@code PUT /api/members/{id}}, and the Members
 * screen). A move to another command or a separation is a personnel event, so that access follows.
 */
public record ChangeMember(
    @NotBlank(message = "name is required.") @Size(max = 200) String name,
    @NotBlank(message = "rank is required.") @Size(max = 60) String rank) {}
