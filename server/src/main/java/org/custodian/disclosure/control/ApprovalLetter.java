package org.custodian.disclosure.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDecision;
import org.custodian.platform.pdf.PdfFonts;

/**
 * The Agency Privacy Officer's written approval as a PDF letter: the request it approves, the basis
 * in the policies' words, the approval's text, who approved it and when. Made on demand from the
 * stored decision, so it always says what the record says.
 */
public final class ApprovalLetter {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US)
          .withZone(ZoneId.of("America/New_York"));

  private ApprovalLetter() {}

  public static byte[] pdf(Disclosure d, DisclosureDecision approval) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 72, 72, 72, 72);
    PdfWriter.getInstance(document, out);
    document.addTitle("Written approval of disclosure " + d.businessKey());
    document.addAuthor(approval.actorName());
    document.open();
    Font title = PdfFonts.bold(14);
    Font body = PdfFonts.regular(11);
    Font small = PdfFonts.regular(9);
    document.add(new Paragraph("Legal Bureau, Agency Privacy Officer", small));
    document.add(new Paragraph(WHEN.format(approval.decidedAt()), small));
    Paragraph heading = new Paragraph("Written approval of disclosure " + d.businessKey(), title);
    heading.setSpacingBefore(18);
    heading.setSpacingAfter(12);
    document.add(heading);

    PdfPTable facts = new PdfPTable(new float[] {1.2f, 3f});
    facts.setWidthPercentage(100);
    row(facts, "Requested by", d.requestedBy() + ", filed " + WHEN.format(d.createdAt()), body);
    row(
        facts,
        "Recipient",
        d.recipient().name()
            + ", "
            + d.recipient().organization()
            + " ("
            + d.recipient().kind().label()
            + ")",
        body);
    row(facts, "Identity confirmed", d.recipientVerification(), body);
    row(facts, "Source system", d.sourceTechnology().name(), body);
    row(
        facts,
        "Information",
        d.dataCategories().stream().map(DataCategory::label).collect(Collectors.joining(", ")),
        body);
    row(facts, "Data subjects", String.valueOf(d.subjects().size()), body);
    row(facts, "Purpose", d.purposeCategory().label() + ": " + d.purpose(), body);
    row(facts, "Basis", d.basis().label(), body);
    document.add(facts);

    Paragraph text = new Paragraph(approval.text(), body);
    text.setSpacingBefore(18);
    text.setAlignment(Element.ALIGN_JUSTIFIED);
    document.add(text);
    Paragraph signed =
        new Paragraph(
            "Approved in writing by "
                + approval.actorName()
                + " ("
                + approval.actor()
                + "), Agency Privacy Officer, "
                + WHEN.format(approval.decidedAt())
                + ".",
            body);
    signed.setSpacingBefore(18);
    document.add(signed);
    Paragraph footer =
        new Paragraph(
            "Information may not be shared in furtherance of immigration enforcement. The recipient's identity and affiliation were confirmed before disclosure as recorded above.",
            small);
    footer.setSpacingBefore(24);
    document.add(footer);
    document.close();
    return out.toByteArray();
  }

  private static void row(PdfPTable table, String label, String value, Font font) {
    PdfPCell l = new PdfPCell(new Paragraph(label, PdfFonts.bold(10)));
    l.setBorder(0);
    l.setPaddingBottom(4);
    PdfPCell v = new PdfPCell(new Paragraph(value, font));
    v.setBorder(0);
    v.setPaddingBottom(4);
    table.addCell(l);
    table.addCell(v);
  }
}
