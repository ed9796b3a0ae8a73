package org.custodian.breach.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.custodian.breach.control.QuarterlySummary;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The City CPO's quarterly report on MariaDB: requested, compiled from the inbox, published frozen;
 * small counts suppressed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuarterlyReportApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private String taskOf(String user, String businessKey) {
    for (JsonValue v : Api.as(url, user).get("tasks?scope=candidate&limit=200").array()) {
      if (businessKey.equals(v.asJsonObject().getString("businessKey", null))) {
        return v.asJsonObject().getString("id");
      }
    }
    return null;
  }

  /**
   * A past quarter no earlier run published (from 2000, the earliest awareAt): this run's breaches
   * are counted alone there, so the test passes again on the same database.
   */
  private String unusedQuarter() {
    java.util.Set<String> published =
        Api.as(url, "cpo.city").get("breach-reports/quarterly").array().stream()
            .map(v -> v.asJsonObject().getString("quarter"))
            .collect(java.util.stream.Collectors.toSet());
    for (int year = 2000; year < 2020; year++) {
      for (int q = 1; q <= 4; q++) {
        if (!published.contains(year + "-Q" + q)) {
          return year + "-Q" + q;
        }
      }
    }
    throw new AssertionError(
        "every quarter from 2000 to 2019 is taken: start from a clean database");
  }

  /**
   * A breach the APO became aware of in the quarter (before it was reported), confirmed with that
   * cause.
   */
  private void confirmedBreach(String cause, String quarter) {
    Instant disclosedAt = QuarterlySummary.start(quarter).plusDays(10).toInstant();
    Instant awareAt = QuarterlySummary.start(quarter).plusDays(20).toInstant();
    JsonObject b =
        Api.as(url, "member.diaz")
            .post(
                "breaches",
                BreachApiIT.report()
                    .add(
                        "summary",
                        "SECRET-FREE-TEXT: a file with a victim's address went to the wrong agency.")
                    .add("disclosedAt", disclosedAt.toString())
                    .build())
            .json();
    Api.Answer moved =
        Api.as(url, "apo.legal")
            .post(
                "breaches/" + b.getJsonNumber("id") + "/aware-at",
                Json.createObjectBuilder()
                    .add("awareAt", awareAt.toString())
                    .add("awareReason", "Found in an old audit of the records room.")
                    .build());
    assertEquals(200, moved.status(), moved.body());
    String assess = taskOf("apo.legal", b.getString("businessKey"));
    assertEquals(
        204,
        Api.as(url, "apo.legal")
            .post(
                "tasks/" + assess + "/complete",
                "{\"decision\":\"CONFIRM\",\"cause\":\"" + cause + "\"}")
            .status());
  }

  @Test
  void theCityCpoCompilesAndPublishesAnAnonymizedQuarterWithSmallCountsSuppressed() {
    String quarter = unusedQuarter();
    confirmedBreach("LOST_OR_STOLEN", quarter);
    confirmedBreach("LOST_OR_STOLEN", quarter);

    assertEquals(
        403,
        Api.as(url, "member.diaz")
            .post(
                "breach-reports/quarterly",
                Json.createObjectBuilder().add("quarter", quarter).build())
            .status());
    assertEquals(
        "quarter",
        Api.as(url, "cpo.city")
            .post(
                "breach-reports/quarterly",
                Json.createObjectBuilder().add("quarter", "2026-Q9").build())
            .field());
    assertEquals(
        "quarter",
        Api.as(url, "cpo.city")
            .post(
                "breach-reports/quarterly",
                Json.createObjectBuilder().add("quarter", "2099-Q1").build())
            .field(),
        "not begun");
    assertEquals(
        "quarter",
        Api.as(url, "cpo.city")
            .post(
                "breach-reports/quarterly",
                Json.createObjectBuilder()
                    .add(
                        "quarter",
                        QuarterlySummary.of(
                            ZonedDateTime.now(ZoneId.of("America/New_York")).plusMonths(3)))
                    .build())
            .field(),
        "next quarter, not begun");
    assertEquals(
        202,
        Api.as(url, "cpo.city")
            .post(
                "breach-reports/quarterly",
                Json.createObjectBuilder().add("quarter", quarter).build())
            .status());

    String task = taskOf("cpo.city", "QR-" + quarter);
    assertNotNull(task, "Compile quarterly report is in the City CPO's inbox");
    assertEquals(
        403,
        Api.as(url, "apo.legal").post("tasks/" + task + "/complete", "{}").status(),
        "only the City CPO compiles");
    assertEquals(204, Api.as(url, "cpo.city").post("tasks/" + task + "/complete", "{}").status());

    JsonObject published =
        Api.as(url, "cpo.city").get("breach-reports/quarterly").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> quarter.equals(r.getString("quarter")))
            .findFirst()
            .orElseThrow();
    JsonObject summary = published.getJsonObject("summary");
    assertEquals(
        "<5",
        summary.getJsonObject("counts").getJsonObject("cause").getString("LOST_OR_STOLEN"),
        "two is shown as <5");
    long id = published.getJsonNumber("id").longValue();
    Api.Download csv =
        Api.as(url, "auditor.iab").download("breach-reports/quarterly/" + id + ".csv");
    assertEquals(200, csv.status());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("cause,LOST_OR_STOLEN,<5"), text);
    assertFalse(
        text.contains("SECRET-FREE-TEXT") || text.contains("R. Alvarez"), "no free text, no names");
    Api.Download pdf = Api.as(url, "cpo.city").download("breach-reports/quarterly/" + id + ".pdf");
    assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
    assertEquals(403, Api.as(url, "member.diaz").get("breach-reports/quarterly").status());
  }
}
