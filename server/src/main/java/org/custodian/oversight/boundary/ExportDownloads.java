package org.custodian.oversight.boundary;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.custodian.oversight.control.AuditSearch;
import org.custodian.oversight.control.AuditSearchExport;

/** Entries of the log as a download: CSV (every column) or PDF (a table naming what it answers). */
final class ExportDownloads {

  private ExportDownloads() {}

  static Response of(
      AuditSearchResource.Format format,
      List<AuditSearch.Hit> hits,
      String describes,
      String by,
      Instant at,
      String fileName) {
    if (format == AuditSearchResource.Format.PDF) {
      return Response.ok(AuditSearchExport.pdf(hits, describes, by, at), "application/pdf")
          .header("Content-Disposition", "attachment; filename=\"" + fileName + ".pdf\"")
          .build();
    }
    return Response.ok(AuditSearchExport.csv(hits), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"")
        .build();
  }
}
