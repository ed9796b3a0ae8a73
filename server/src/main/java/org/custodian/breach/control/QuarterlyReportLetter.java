package org.custodian.breach.control;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.custodian.breach.entity.QuarterlyReport;
import org.custodian.platform.pdf.PdfFonts;

/** A published quarterly report as PDF: the counts table, with the suppression rule stated. */
public final class QuarterlyReportLetter {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US)
          .withZone(ZoneId.of("America/New_York"));

  private QuarterlyReportLetter() {}

  public static byte[] pdf(QuarterlyReport r, QuarterlySummary s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 60, 60, 60, 60);
    PdfWriter.getInstance(document, out);
    document.addTitle("Improper disclosures of identifying information, " + r.quarter());
    document.open();
    document.add(
        new Paragraph(
            "Improper disclosures of identifying information, " + r.quarter(), PdfFonts.bold(14)));
    document.add(
        new Paragraph(
            "Anonymized summary, version "
                + r.versionNo()
                + ", published "
                + DATE.format(r.publishedAt())
                + ". Confirmed breaches: "
                + s.total()
                + ". Counts from 1 to 4 are shown as \"<5\".",
            PdfFonts.regular(10)));
    PdfPTable table = new PdfPTable(new float[] {2, 3, 1});
    table.setWidthPercentage(100);
    table.setSpacingBefore(12);
    for (String h : new String[] {"Dimension", "Value", "Count"}) {
      table.addCell(new Paragraph(h, PdfFonts.bold(10)));
    }
    s.counts()
        .forEach(
            (dimension, values) ->
                values.forEach(
                    (value, count) -> {
                      table.addCell(new Paragraph(dimension, PdfFonts.regular(10)));
                      table.addCell(new Paragraph(value, PdfFonts.regular(10)));
                      table.addCell(new Paragraph(count, PdfFonts.regular(10)));
                    }));
    document.add(table);
    document.close();
    return out.toByteArray();
  }
}
