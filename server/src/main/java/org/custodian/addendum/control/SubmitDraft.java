package org.custodian.addendum.control;

/**
 * "Draft addendum" and "Respond to comments": the author sends the saved text on to review; the
 * form has no fields (the text is saved with {@link SaveDraft}, the answers with {@link
 * RespondToComments}).
 */
public record SubmitDraft() {}
