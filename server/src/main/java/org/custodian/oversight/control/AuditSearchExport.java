package org.custodian.oversight.control;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodian.platform.pdf.PdfFonts;

/** A search's entries as CSV (every column) or PDF (a printable table), for an auditor's file. */
public final class AuditSearchExport {

  /** The CSV columns, in order. */
  static final String[] COLUMNS = {
    "at",
    "user",
    "action",
    "object_type",
    "object_id",
    "seq",
    "checkpoint",
    "system",
    "event_id",
    "member_tax_number",
    "member_name",
    "command",
    "event_action",
    "subject",
    "record",
    "purpose",
    "details"
  };

  private AuditSearchExport() {}

  public static byte[] csv(List<AuditSearch.Hit> hits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter printer =
        new CSVPrinter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
      for (AuditSearch.Hit h : hits) {
        printer.printRecord(
            h.at(),
            cell(h.user()),
            cell(h.action()),
            cell(h.objectType()),
            cell(h.objectId()),
            h.seq(),
            h.checkpoint(),
            cell(h.system()),
            cell(h.eventId()),
            cell(h.memberTaxNumber()),
            cell(h.memberName()),
            cell(h.command()),
            cell(h.eventAction()),
            cell(h.subject()),
            cell(h.record()),
            cell(h.purpose()),
            cell(h.details()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A text cell as a spreadsheet will read it: text a covered system reported that starts like a
   * formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, so opening the
   * export never runs it (OWASP, CSV injection).
   */
  static String cell(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  public static byte[] pdf(List<AuditSearch.Hit> hits, String criteria, String by, Instant at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER.rotate(), 36, 36, 36, 36);
    PdfWriter.getInstance(document, out);
    document.addTitle("Audit log search");
    document.open();
    document.add(new Paragraph("Audit log search", PdfFonts.bold(14)));
    document.add(
        new Paragraph(
            "Search: "
                + criteria
                + ". "
                + hits.size()
                + " entries, newest first. Exported by "
                + by
                + " at "
                + at
                + "; the export is itself an entry of the log.",
            PdfFonts.regular(9)));
    PdfPTable table = new PdfPTable(new float[] {3, 2, 3, 3, 3, 3, 4});
    table.setWidthPercentage(100);
    table.setSpacingBefore(10);
    table.setHeaderRows(1);
    for (String h :
        new String[] {
          "When (UTC)", "User", "Action", "Member", "Subject / record", "In the log", "Details"
        }) {
      table.addCell(new Paragraph(h, PdfFonts.bold(8)));
    }
    for (AuditSearch.Hit h : hits) {
      table.addCell(new Paragraph(String.valueOf(h.at()), PdfFonts.regular(7)));
      table.addCell(new Paragraph(h.user(), PdfFonts.regular(7)));
      table.addCell(
          new Paragraph(
              h.eventAction() == null ? h.action() : h.system() + " " + h.eventAction(),
              PdfFonts.regular(7)));
      table.addCell(
          new Paragraph(
              h.memberTaxNumber() == null
                  ? ""
                  : h.memberTaxNumber()
                      + (h.memberName() == null ? " (unknown)" : " " + h.memberName())
                      + (h.command() == null ? "" : ", " + h.command()),
              PdfFonts.regular(7)));
      table.addCell(
          new Paragraph(
              (h.subject() == null ? "" : h.subject())
                  + (h.record() == null ? "" : (h.subject() == null ? "" : " / ") + h.record()),
              PdfFonts.regular(7)));
      table.addCell(new Paragraph(h.inclusion(), PdfFonts.regular(7)));
      table.addCell(new Paragraph(h.details() == null ? "" : h.details(), PdfFonts.regular(7)));
    }
    document.add(table);
    document.close();
    return out.toByteArray();
  }
}
