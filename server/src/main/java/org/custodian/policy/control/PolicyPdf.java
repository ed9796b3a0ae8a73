package org.custodian.policy.control;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.custodian.platform.pdf.PdfFonts;
import org.custodian.policy.entity.Section;

/**
 * A published version of a policy as PDF: title, version, then each section's blocks as paragraphs.
 */
public final class PolicyPdf {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
          .withZone(ZoneId.of("America/New_York"));
  private static final Font TITLE = PdfFonts.bold(16);
  private static final Font HEADING = PdfFonts.bold(12);
  private static final Font BODY = PdfFonts.regular(10);
  private static final Font NOTE = PdfFonts.italic(9);

  private PolicyPdf() {}

  public static byte[] pdf(Policies.PublishedText text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 60, 60, 60, 60);
    PdfWriter.getInstance(document, out);
    String title = text.title() + ": Impact and Use Policy";
    document.addTitle(title + ", version " + text.number());
    document.open();
    document.add(new Paragraph(title, TITLE));
    document.add(
        new Paragraph(
            "Version "
                + text.number()
                + ": "
                + text.label()
                + ". Published "
                + DATE.format(text.publishedAt())
                + ".",
            NOTE));
    for (Section section : text.sections()) {
      Paragraph heading = new Paragraph(section.heading().toUpperCase(Locale.US), HEADING);
      heading.setSpacingBefore(14);
      heading.setSpacingAfter(4);
      document.add(heading);
      for (String block : PolicyHtml.blocks(section.body())) {
        Paragraph paragraph = new Paragraph(block, BODY);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
      }
    }
    document.close();
    return out.toByteArray();
  }
}
