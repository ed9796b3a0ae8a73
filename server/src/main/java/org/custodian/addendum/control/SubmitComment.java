package org.custodian.addendum.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A member of the public comments on a proposed addendum, without signing in ({@code POST
 * /api/public/addenda/{id}/comments}, the public page's form): plain text, kept and shown exactly
 * as written; a name if they wish.
 */
public record SubmitComment(
    @Size(
            max = PublicComments.MAX_NAME,
            message =
                "A name may be at most "
                    + PublicComments.MAX_NAME
                    + " characters (or leave it out).")
        String name,
    @NotBlank(message = "Write your comment.")
        @Size(
            max = PublicComments.MAX_TEXT,
            message = "A comment may be at most " + PublicComments.MAX_TEXT + " characters.")
        String text) {}
