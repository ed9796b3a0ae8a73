package org.custodian.directory.control;

import jakarta.validation.constraints.NotNull;
import org.custodian.directory.entity.AppUser;

/**
 * How a user hears of their work ({@code PUT /api/me/notifications}, and the Notifications screen):
 * each message as it happens or one daily summary, and whether their groups' tasks mail them at all
 * (their own tasks and their requests' decisions always do).
 */
public record MailPreferences(@NotNull AppUser.MailMode mode, boolean muteGroupMail) {}
