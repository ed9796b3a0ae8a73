package org.custodian.breach.control;

/** "Compile quarterly report": the City CPO publishes the summary shown; the form has no fields. */
public record PublishQuarterlyReport() {}
