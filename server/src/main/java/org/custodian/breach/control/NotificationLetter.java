package org.custodian.breach.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.platform.pdf.PdfFonts;

/**
 * The written notification to one affected individual, from the department's template: what
 * happened, what information was involved, what the department has done, and whom to contact.
 * Policies: "The NYPD must make reasonable efforts to notify individuals affected by the disclosure
 * in writing".
 */
public final class NotificationLetter {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
          .withZone(ZoneId.of("America/New_York"));

  private NotificationLetter() {}

  public static byte[] pdf(BreachReport b, BreachNotification n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 72, 72, 72, 72);
    PdfWriter.getInstance(document, out);
    document.addTitle(
        "Notice of a disclosure of your identifying information (" + b.businessKey() + ")");
    document.open();
    Font body = PdfFonts.regular(11);
    Font title = PdfFonts.bold(13);
    document.add(
        new Paragraph(
            "New York City Police Department, Legal Bureau, Agency Privacy Officer",
            PdfFonts.regular(9)));
    document.add(new Paragraph(DATE.format(java.time.Instant.now()), PdfFonts.regular(9)));
    Paragraph heading =
        new Paragraph("Notice of a disclosure of your identifying information", title);
    heading.setSpacingBefore(18);
    heading.setSpacingAfter(12);
    document.add(heading);
    document.add(new Paragraph("Dear " + n.personName() + ",", body));
    String categories =
        b.dataCategories().stream()
            .map(DataCategory::label)
            .map(s -> s.toLowerCase(Locale.US))
            .collect(Collectors.joining(", "));
    paragraph(
        document,
        body,
        "We are writing to tell you that identifying information about you held by the New York City Police Department was disclosed"
            + (b.disclosedAt() == null ? "" : " on " + DATE.format(b.disclosedAt()))
            + " in a way that the City's Identifying Information Law does not allow."
            + " The information involved: "
            + categories
            + ".");
    paragraph(
        document,
        body,
        "The department's Agency Privacy Officer reported the disclosure to the City's Chief Privacy Officer, as the law requires, and has taken"
            + " steps to limit its effects. We are notifying you because "
            + (b.notificationGrounds().contains(BreachReport.Ground.LEGALLY_REQUIRED)
                ? "the law requires it"
                : "we want you to be able to protect yourself")
            + ".");
    paragraph(
        document,
        body,
        "If you have questions, write to the Agency Privacy Officer, Legal Bureau, One Police Plaza, New York, NY 10038, quoting reference "
            + b.businessKey()
            + ".");
    document.close();
    return out.toByteArray();
  }

  private static void paragraph(Document document, Font font, String text) {
    Paragraph p = new Paragraph(text, font);
    p.setSpacingBefore(10);
    p.setAlignment(Element.ALIGN_JUSTIFIED);
    document.add(p);
  }
}
