package org.custodian.breach.control;

/** "Acknowledge report": the City CPO has received the report; the form has no fields. */
public record AcknowledgeBreachReport() {}
