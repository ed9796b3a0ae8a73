package org.custodian.disclosure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Disclosure requests through the API on MariaDB: every refusal, the routes, roles, documents, the
 * ledger.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class DisclosureApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  static final String MEMBER = "member.diaz";
  static final String APO = "apo.legal";
  static final String OTHER_APO = "apo.deputy";

  /** A complete, lawful filing on basis 3 (the APO approves in writing) about one new subject. */
  public static JsonObjectBuilder filing(String subject, String plate) {
    return Json.createObjectBuilder()
        .add(
            "recipient",
            Json.createObjectBuilder()
                .add("name", "ADA Kim Lee")
                .add("organization", "Kings County District Attorney")
                .add("kind", "PROSECUTOR"))
        .add(
            "recipientVerification",
            "Called the DA's main line and confirmed ADA Lee's assignment to the case; badge number checked.")
        .add(
            "subjects",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", subject)
                        .add(
                            "identifiers",
                            Json.createObjectBuilder()
                                .add("licensePlate", plate)
                                .add("dateOfBirth", "1990-04-02"))))
        .add(
            "dataCategories",
            Json.createArrayBuilder().add("NAME").add("LICENSE_PLATE").add("DATE_OF_BIRTH"))
        .add("sourceTechnology", "ERMS")
        .add("purposeCategory", "PROSECUTION")
        .add(
            "purpose",
            "Trial preparation in People v. Doe: the vehicle's owner at the time of the robbery.")
        .add("basis", 3)
        .add(
            "evidence",
            Json.createObjectBuilder()
                .add(
                    "missionRationale",
                    "Supports the prosecution of a robbery the precinct investigated."));
  }

  static String unique(String name) {
    return name + " " + Long.toString(System.nanoTime(), 36);
  }

  private Api as(String user) {
    return Api.as(url, user);
  }

  private String taskOf(String user, String businessKey) {
    for (JsonValue v : as(user).get("tasks?scope=candidate&limit=200").array()) {
      if (businessKey.equals(v.asJsonObject().getString("businessKey", null))) {
        return v.asJsonObject().getString("id");
      }
    }
    return null;
  }

  private JsonArray ledger(String user, String query) {
    Api.Answer answer = as(user).get("disclosures?" + query);
    assertEquals(200, answer.status(), answer.body());
    return answer.array();
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void basisThreeIsApprovedInWritingReleasedAndFoundInTheLedger() {
    String subject = unique("Jordan Q. Public");
    String plate = "KX" + (System.nanoTime() % 100_000) + "-NY";
    Api.Answer filed = as(MEMBER).post("disclosures", filing(subject, plate).build());
    assertEquals(201, filed.status(), filed.body());
    JsonObject d = filed.json();
    assertEquals("PENDING_APPROVAL", d.getString("status"));
    assertTrue(d.getString("businessKey").startsWith("DR-"));
    long id = d.getJsonNumber("id").longValue();

    String task = taskOf(APO, d.getString("businessKey"));
    assertNotNull(task, "in the APO's inbox: Approve disclosure in writing");
    assertEquals(
        403,
        as(MEMBER)
            .post(
                "tasks/" + task + "/complete",
                "{\"decision\":\"APPROVE\",\"approvalText\":\"I approve my own request, surely.\"}")
            .status());
    assertEquals(
        403,
        as("cpo.city")
            .post(
                "tasks/" + task + "/complete",
                "{\"decision\":\"APPROVE\",\"approvalText\":\"The CPO is not the APO and may not act.\"}")
            .status());
    Api.Answer noText = as(APO).post("tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}");
    assertEquals(400, noText.status());
    assertEquals("approvalText", noText.field());
    assertEquals(
        409,
        as(MEMBER)
            .post(
                "disclosures/" + id + "/release",
                Json.createObjectBuilder()
                    .add("releasedAt", Instant.now().toString())
                    .add("method", "e-mail")
                    .build())
            .status(),
        "not yet approved");

    String text =
        "Approved: disclosure to the prosecutor furthers the department's mission in this prosecution.";
    assertEquals(
        204,
        as(APO)
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder()
                    .add("decision", "APPROVE")
                    .add("approvalText", text)
                    .build())
            .status());
    JsonObject approved = as(MEMBER).get("disclosures/" + id).json();
    assertEquals("APPROVED", approved.getString("status"));
    JsonObject decision = approved.getJsonArray("decisions").getJsonObject(0);
    assertEquals("WRITTEN_APPROVAL", decision.getString("kind"));
    assertEquals(APO, decision.getString("by"));
    assertEquals(text, decision.getString("text"));
    Api.Download letter = as(MEMBER).download("disclosures/" + id + "/approval.pdf");
    assertEquals(200, letter.status());
    assertEquals("application/pdf", letter.contentType());
    assertEquals("%PDF-", new String(letter.body(), 0, 5, StandardCharsets.US_ASCII));

    assertEquals(
        403,
        as(APO)
            .post(
                "disclosures/" + id + "/release",
                Json.createObjectBuilder()
                    .add("releasedAt", Instant.now().toString())
                    .add("method", "e-mail")
                    .build())
            .status(),
        "only the requester records the release");
    Api.Answer future =
        as(MEMBER)
            .post(
                "disclosures/" + id + "/release",
                Json.createObjectBuilder()
                    .add("releasedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString())
                    .add("method", "e-mail")
                    .build());
    assertEquals(400, future.status());
    assertEquals("releasedAt", future.field());
    Api.Answer released =
        as(MEMBER)
            .post(
                "disclosures/" + id + "/release",
                Json.createObjectBuilder()
                    .add("releasedAt", Instant.now().toString())
                    .add("method", "Secure e-mail to the ADA")
                    .build());
    assertEquals(200, released.status(), released.body());
    assertEquals("RELEASED", released.json().getString("status"));

    // the ledger: by name, by the start of the name in other case, by the plate written
    // differently; by whom
    assertEquals(
        id, ledger(APO, "subject=" + q(subject)).getJsonObject(0).getJsonNumber("id").longValue());
    assertEquals(
        1,
        ledger(
                "auditor.iab",
                "subject=" + q(subject.toUpperCase().substring(0, subject.length() - 2)))
            .size());
    assertEquals(1, ledger(APO, "subject=" + q(plate.toLowerCase().replace("-", " "))).size());
    assertEquals(1, ledger(MEMBER, "subject=" + q(subject)).size(), "a member sees their own");
    assertEquals(
        0, ledger("co.ramirez", "subject=" + q(subject)).size(), "another member does not");
    assertEquals(
        1, ledger(APO, "subject=" + q(subject) + "&basis=3&recipient=" + q("kings county")).size());
    assertEquals(0, ledger(APO, "subject=" + q(subject) + "&basis=6").size());
    assertEquals(
        0,
        ledger(
                APO,
                "subject="
                    + q(subject)
                    + "&to="
                    + q(Instant.now().minus(1, ChronoUnit.DAYS).toString()))
            .size());
    JsonObject entry = ledger(APO, "subject=" + q(subject)).getJsonObject(0);
    assertEquals(
        "/api/disclosures/" + id + "/approval.pdf",
        entry.getJsonObject("links").getString("approvalLetter"));
    assertEquals(
        403,
        as("cpo.city").get("disclosures?subject=" + q(subject)).status(),
        "the City CPO has no ledger of the agency's disclosures");
    Api.Answer badBasis = as(APO).get("disclosures?basis=9");
    assertEquals(400, badBasis.status());
    assertEquals("basis", badBasis.field());
    assertEquals(
        403, as("co.okafor").get("disclosures/" + id).status(), "someone else's disclosure");
  }

  @Test
  void immigrationEnforcementIsRefusedWhateverTheBasisOrWording() {
    List<JsonObject> attempts =
        List.of(
            filing(unique("A"), "P1")
                .add("purposeCategory", "IMMIGRATION_ENFORCEMENT")
                .add("basis", 6)
                .add(
                    "evidence", Json.createObjectBuilder().add("incidentNumber", "2026-075-001234"))
                .build(),
            filing(unique("B"), "P2")
                .add("purposeCategory", "OTHER")
                .add("purpose", "Help ICE serve a detainer on the subject")
                .build(),
            filing(unique("C"), "P3")
                .add("purposeCategory", "CRIMINAL_INVESTIGATION")
                .add("purpose", "Locate the subject for deportation")
                .build(),
            filing(unique("D"), "P4")
                .add(
                    "recipient",
                    Json.createObjectBuilder()
                        .add("name", "Agent Smith")
                        .add("organization", "U.S. Immigration and Customs Enforcement")
                        .add("kind", "GOVERNMENT_AGENCY"))
                .add("basis", 6)
                .add(
                    "evidence", Json.createObjectBuilder().add("incidentNumber", "2026-075-001235"))
                .build());
    for (JsonObject attempt : attempts) {
      Api.Answer answer = as(MEMBER).post("disclosures", attempt);
      assertEquals(201, answer.status(), answer.body());
      JsonObject d = answer.json();
      assertEquals("REFUSED", d.getString("status"), attempt.toString());
      assertTrue(
          d.getString("refusalReason").toLowerCase().contains("immigration"),
          d.getString("refusalReason"));
      assertEquals("REFUSAL", d.getJsonArray("decisions").getJsonObject(0).getString("kind"));
      assertEquals(null, taskOf(APO, d.getString("businessKey")), "nothing sent anywhere");
    }
  }

  @Test
  void aBasisWithoutItsEvidenceIsRefusedNamingWhatIsMissing() {
    for (int basis = 1; basis <= 7; basis++) {
      Api.Answer answer =
          as(MEMBER)
              .post(
                  "disclosures",
                  filing(unique("Evidence"), "E" + basis)
                      .add("basis", basis)
                      .add("evidence", JsonValue.EMPTY_JSON_OBJECT)
                      .build());
      assertEquals(201, answer.status(), answer.body());
      assertEquals("REFUSED", answer.json().getString("status"));
      assertTrue(
          answer.json().getString("refusalReason").contains("Basis " + basis + " needs"),
          answer.json().getString("refusalReason"));
    }
  }

  @Test
  void preApprovalsAndDesignationsApproveOnlyWithinTheirScopeAndValidity() {
    long designation = designationId("RD-2026-000001");
    JsonObject byDesignation =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Designated"), "D1")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder().add("routineDesignationId", designation))
                    .build())
            .json();
    assertEquals("APPROVED", byDesignation.getString("status"), byDesignation.toString());
    assertEquals(
        "DESIGNATION_MATCH",
        byDesignation.getJsonArray("decisions").getJsonObject(0).getString("kind"));
    assertEquals(
        "RD-2026-000001",
        byDesignation
            .getJsonObject("evidence")
            .getJsonObject("routineDesignation")
            .getString("reference"));

    JsonObject outside =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Outside"), "D2")
                    .add("basis", 5)
                    .add("dataCategories", Json.createArrayBuilder().add("NAME").add("BIOMETRIC"))
                    .add(
                        "evidence",
                        Json.createObjectBuilder().add("routineDesignationId", designation))
                    .build())
            .json();
    assertEquals("REFUSED", outside.getString("status"));
    assertTrue(
        outside.getString("refusalReason").contains("BIOMETRIC"),
        outside.getString("refusalReason"));

    // an expired designation, and one retired after a disclosure used it
    JsonObject expired =
        designate("Expired designation", "2025-01-01T00:00:00Z", "2025-06-01T00:00:00Z");
    JsonObject refusedExpired =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Expired"), "D3")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("routineDesignationId", expired.getInt("id")))
                    .build())
            .json();
    assertEquals("REFUSED", refusedExpired.getString("status"));
    assertTrue(
        refusedExpired.getString("refusalReason").contains("expired"),
        refusedExpired.getString("refusalReason"));

    JsonObject current = designate("Designation retired later", "2026-01-01T00:00:00Z", null);
    JsonObject used =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Used"), "D4")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("routineDesignationId", current.getInt("id")))
                    .build())
            .json();
    assertEquals("APPROVED", used.getString("status"));
    assertEquals(
        403,
        as("cpo.city")
            .post(
                "routine-designations/" + current.getInt("id") + "/retire",
                "{\"reason\":\"not mine\"}")
            .status());
    assertEquals(
        200,
        as(APO)
            .post(
                "routine-designations/" + current.getInt("id") + "/retire",
                "{\"reason\":\"Superseded by a narrower designation.\"}")
            .status());
    JsonObject afterRetire =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Late"), "D5")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("routineDesignationId", current.getInt("id")))
                    .build())
            .json();
    assertEquals("REFUSED", afterRetire.getString("status"));
    assertTrue(afterRetire.getString("refusalReason").contains("retired"));
    JsonObject usedLater = as(MEMBER).get("disclosures/" + used.getInt("id")).json();
    assertNotNull(
        usedLater.getJsonObject("evidence").getJsonObject("routineDesignation"),
        usedLater.toString());
    assertEquals(
        current.getString("reference"),
        usedLater
            .getJsonObject("evidence")
            .getJsonObject("routineDesignation")
            .getString("reference"),
        "the earlier disclosure keeps it");

    // basis 4: the City CPO's pre-approval, to the news media
    long preApproval = as(MEMBER).get("pre-approvals").array().getJsonObject(0).getInt("id");
    JsonObject media =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Wanted"), "D6")
                    .add(
                        "recipient",
                        Json.createObjectBuilder()
                            .add("name", "News desk")
                            .add("organization", "Daily Planet")
                            .add("kind", "COMMUNITY_OR_MEDIA"))
                    .add("dataCategories", Json.createArrayBuilder().add("NAME").add("PHOTOGRAPH"))
                    .add("purposeCategory", "PUBLIC_SAFETY_NOTICE")
                    .add("basis", 4)
                    .add("evidence", Json.createObjectBuilder().add("preApprovalId", preApproval))
                    .build())
            .json();
    assertEquals("APPROVED", media.getString("status"), media.toString());
    assertEquals(
        "PRE_APPROVAL_MATCH", media.getJsonArray("decisions").getJsonObject(0).getString("kind"));
    Api.Answer wrongKind =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Wrong"), "D7")
                    .add("basis", 4)
                    .add("evidence", Json.createObjectBuilder().add("preApprovalId", designation))
                    .build());
    assertEquals(400, wrongKind.status());
    assertEquals("evidence.preApprovalId", wrongKind.field());
  }

  private long designationId(String reference) {
    for (JsonValue v : as(MEMBER).get("routine-designations").array()) {
      if (reference.equals(v.asJsonObject().getString("reference"))) {
        return v.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError("no " + reference);
  }

  private JsonObject designate(String title, String from, String until) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("recipientKinds", Json.createArrayBuilder().add("PROSECUTOR"))
            .add("purposeCategories", Json.createArrayBuilder().add("PROSECUTION"))
            .add(
                "dataCategories",
                Json.createArrayBuilder().add("NAME").add("LICENSE_PLATE").add("DATE_OF_BIRTH"))
            .add("validFrom", from);
    if (until != null) {
      body.add("validUntil", until);
    }
    Api.Answer created = as(APO).post("routine-designations", body.build());
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  @Test
  void aGovernmentAgencyNeedsAWrittenAgreementUnlessItIsAnInvestigation() {
    JsonObject suffolk =
        Json.createObjectBuilder()
            .add("name", "Det. Ray")
            .add("organization", "Suffolk County Police Department")
            .add("kind", "LAW_ENFORCEMENT_AGENCY")
            .build();
    JsonObject none =
        as(MEMBER)
            .post("disclosures", filing(unique("Agency"), "G1").add("recipient", suffolk).build())
            .json();
    assertEquals("REFUSED", none.getString("status"));
    assertTrue(
        none.getString("refusalReason").contains("No written agreement"),
        none.getString("refusalReason"));

    JsonObject investigation =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Agency"), "G2")
                    .add("recipient", suffolk)
                    .add("basis", 6)
                    .add(
                        "evidence",
                        Json.createObjectBuilder().add("incidentNumber", "2026-075-004321"))
                    .build())
            .json();
    assertEquals("APPROVED", investigation.getString("status"), investigation.toString());
    assertEquals(
        "APPROVED_ON_FILING",
        investigation.getJsonArray("decisions").getJsonObject(0).getString("kind"));
    String review = taskOf(APO, investigation.getString("businessKey"));
    assertNotNull(review, "the APO reviews it after the fact");
    assertEquals(
        204,
        as(APO)
            .post(
                "tasks/" + review + "/complete",
                "{\"decision\":\"CONFIRM\",\"comment\":\"Proper: an open robbery investigation with Suffolk.\"}")
            .status());

    JsonObject nassau =
        Json.createObjectBuilder()
            .add("name", "Det. Cole")
            .add("organization", "NASSAU COUNTY POLICE DEPARTMENT")
            .add("kind", "LAW_ENFORCEMENT_AGENCY")
            .build();
    JsonObject covered =
        as(MEMBER)
            .post("disclosures", filing(unique("Agency"), "G3").add("recipient", nassau).build())
            .json();
    assertEquals("PENDING_APPROVAL", covered.getString("status"), covered.toString());
    assertEquals(
        "AG-2026-000001",
        covered.getJsonObject("evidence").getJsonObject("agreement").getString("reference"));
    JsonObject otherSystem =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Agency"), "G4")
                    .add("recipient", nassau)
                    .add("sourceTechnology", "CMS")
                    .build())
            .json();
    assertEquals("REFUSED", otherSystem.getString("status"), "the agreement covers ERMS only");
  }

  @Test
  void whoMayDoWhat() {
    assertEquals(
        403,
        as("cpo.city").post("disclosures", filing(unique("Role"), "R1").build()).status(),
        "the City CPO does not file");
    assertEquals(
        403, as("auditor.iab").post("disclosures", filing(unique("Role"), "R2").build()).status());
    assertEquals(
        401, Api.anonymous(url).post("disclosures", filing(unique("Role"), "R3").build()).status());
    JsonObject designation =
        Json.createObjectBuilder()
            .add("title", "x")
            .add("recipientKinds", Json.createArrayBuilder().add("PROSECUTOR"))
            .add("purposeCategories", Json.createArrayBuilder().add("PROSECUTION"))
            .add("dataCategories", Json.createArrayBuilder().add("NAME"))
            .build();
    assertEquals(403, as(MEMBER).post("routine-designations", designation).status());
    assertEquals(
        403,
        as("cpo.city").post("routine-designations", designation).status(),
        "designations are the APO's");
    assertEquals(
        403,
        as(APO).post("pre-approvals", designation).status(),
        "pre-approvals are the City CPO's");
    assertEquals(201, as("cpo.city").post("pre-approvals", designation).status());
    Api.Answer immigration =
        as(APO)
            .post(
                "routine-designations",
                Json.createObjectBuilder(designation)
                    .add(
                        "purposeCategories",
                        Json.createArrayBuilder().add("IMMIGRATION_ENFORCEMENT"))
                    .build());
    assertEquals(400, immigration.status());
    assertEquals("purposeCategories", immigration.field());

    // an APO's own request goes to another APO
    JsonObject own = as(APO).post("disclosures", filing(unique("Own"), "R4").build()).json();
    assertEquals("PENDING_APPROVAL", own.getString("status"));
    String task = taskOf(OTHER_APO, own.getString("businessKey"));
    assertNotNull(task);
    assertEquals(
        403,
        as(APO).post("tasks/" + task + "/claim", "").status(),
        "nobody approves their own request");
    assertEquals(
        403,
        as(APO)
            .post(
                "tasks/" + task + "/complete",
                "{\"decision\":\"APPROVE\",\"approvalText\":\"Approving my own request is not allowed.\"}")
            .status());
    assertEquals(
        204,
        as(OTHER_APO)
            .post(
                "tasks/" + task + "/complete",
                "{\"decision\":\"DENY\",\"approvalText\":\"Denied: the prosecutor already holds the record.\"}")
            .status());
    assertEquals(
        "DENIED", as(APO).get("disclosures/" + own.getInt("id")).json().getString("status"));
  }

  @Test
  void badInputIsA400NamingTheField() {
    Api member = as(MEMBER);
    assertEquals(
        "recipient.kind",
        member
            .post(
                "disclosures",
                filing("X", "B1")
                    .add(
                        "recipient",
                        Json.createObjectBuilder()
                            .add("name", "A")
                            .add("organization", "B")
                            .add("kind", "ALIENS"))
                    .build())
            .field());
    assertEquals(
        "subjects",
        member
            .post(
                "disclosures", filing("X", "B2").add("subjects", Json.createArrayBuilder()).build())
            .field());
    assertEquals(
        "subjects[0].name",
        member
            .post(
                "disclosures",
                filing("X", "B3")
                    .add(
                        "subjects",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", " ")))
                    .build())
            .field());
    assertEquals(
        "basis", member.post("disclosures", filing("X", "B4").add("basis", 9).build()).field());
    assertEquals(
        "dataCategories[0]",
        member
            .post(
                "disclosures",
                filing("X", "B5")
                    .add("dataCategories", Json.createArrayBuilder().add("SHOE_SIZE"))
                    .build())
            .field());
    assertEquals(
        "sourceTechnology",
        member
            .post("disclosures", filing("X", "B6").add("sourceTechnology", "NOPE").build())
            .field());
    assertEquals(
        "recipientVerification",
        member
            .post("disclosures", filing("X", "B7").add("recipientVerification", "").build())
            .field());
    assertEquals(
        "evidence.signedBy",
        member
            .post(
                "disclosures",
                filing("X", "B8")
                    .add("basis", 1)
                    .add("evidence", Json.createObjectBuilder().add("signedBy", "NEIGHBOUR"))
                    .build())
            .field());
    Api.Answer notJson = member.post("disclosures", "{not json");
    assertEquals(400, notJson.status());
  }

  @Test
  void theWrittenAuthorizationIsAnUploadedPdfOrImageOfLimitedSize() {
    byte[] pdf =
        "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    Api.Answer uploaded =
        as(MEMBER).upload("disclosures/documents", "authorization.pdf", "application/pdf", pdf);
    assertEquals(201, uploaded.status(), uploaded.body());
    long document = uploaded.json().getJsonNumber("documentId").longValue();

    Api.Answer text =
        as(MEMBER)
            .upload(
                "disclosures/documents",
                "authorization.pdf",
                "application/pdf",
                "just text".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, text.status());
    assertEquals("file", text.field());
    Api.Answer mislabelled =
        as(MEMBER).upload("disclosures/documents", "photo.png", "image/png", pdf);
    assertEquals(400, mislabelled.status());
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    Api.Answer oversized =
        as(MEMBER).upload("disclosures/documents", "big.pdf", "application/pdf", big);
    assertEquals(400, oversized.status());
    assertTrue(
        oversized.json().getString("detail", "").contains("MiB")
            || oversized.body().contains("MiB"),
        oversized.body());

    JsonObject withSomeoneElsesDocument =
        filing(unique("Auth"), "U1")
            .add("basis", 1)
            .add(
                "evidence",
                Json.createObjectBuilder()
                    .add("authorizationDocumentId", document)
                    .add("signedBy", "SUBJECT"))
            .build();
    Api.Answer stolen = as("co.ramirez").post("disclosures", withSomeoneElsesDocument);
    assertEquals(400, stolen.status());
    assertEquals("evidence.authorizationDocumentId", stolen.field());

    Api.Answer filed =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Auth"), "U2")
                    .add("basis", 1)
                    .add("purposeCategory", "SUBJECT_REQUEST")
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("authorizationDocumentId", document)
                            .add("signedBy", "PARENT_OR_GUARDIAN"))
                    .build());
    assertEquals(201, filed.status(), filed.body());
    JsonObject d = filed.json();
    assertEquals("PENDING_APPROVAL", d.getString("status"));
    String link = d.getJsonObject("links").getJsonArray("evidence").getString(0);
    Api.Download download = as(APO).download(link.substring("/api/".length()));
    assertEquals(200, download.status());
    assertEquals("%PDF-", new String(download.body(), 0, 5, StandardCharsets.US_ASCII));
    assertEquals(403, as("co.okafor").download(link.substring("/api/".length())).status());
  }

  /**
   * Evidence is added while the Agency Privacy Officer has not decided: once approved (or
   * released), a new document would change what was approved.
   */
  @Test
  void evidenceIsAddedOnlyWhileTheRequestWaitsForApproval() {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    Api.Answer filed = as(MEMBER).post("disclosures", filing(unique("Pending"), "AT1").build());
    long pending = filed.json().getJsonNumber("id").longValue();
    assertEquals(
        201,
        as(MEMBER)
            .upload("disclosures/" + pending + "/documents", "more.pdf", "application/pdf", pdf)
            .status());

    JsonObject released =
        new org.custodian.testing.LedgerScenario(url).released(MEMBER, unique("Released"), "AT2");
    long id = released.getJsonNumber("id").longValue();
    Api.Answer late =
        as(MEMBER).upload("disclosures/" + id + "/documents", "late.pdf", "application/pdf", pdf);
    assertEquals(409, late.status(), late.body());
    assertEquals(
        0,
        as(APO).get("disclosures/" + id).json().getJsonArray("documents").size(),
        "nothing was attached");
  }

  /**
   * Nobody approves their own request, not by a designation they issued: an Agency Privacy Officer
   * who designates a routine disclosure and files one under it gets it refused, and is told to ask
   * another officer.
   */
  @Test
  void aDisclosureUnderTheFilersOwnDesignationIsNotApprovedByIt() {
    JsonObject designation =
        designate(unique("Own designation"), Instant.now().minusSeconds(60).toString(), null);
    Api.Answer filed =
        as(APO)
            .post(
                "disclosures",
                filing(unique("Self Approved"), "SA1")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("routineDesignationId", designation.getInt("id")))
                    .build());
    assertEquals(201, filed.status(), filed.body());
    assertEquals("REFUSED", filed.json().getString("status"), filed.body());
    assertTrue(
        filed.json().getString("refusalReason").contains("nobody approves their own request"),
        filed.body());

    Api.Answer byAnother =
        as(MEMBER)
            .post(
                "disclosures",
                filing(unique("Approved By Designation"), "SA2")
                    .add("basis", 5)
                    .add(
                        "evidence",
                        Json.createObjectBuilder()
                            .add("routineDesignationId", designation.getInt("id")))
                    .build());
    assertEquals(
        "APPROVED",
        byAnother.json().getString("status"),
        "for anyone else the designation approves it");
  }
}
