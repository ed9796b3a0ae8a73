package org.custodian.policy.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.EngineClock;
import org.custodian.platform.rest.JsonFields;
import org.custodian.policy.control.Policies;
import org.custodian.policy.control.PolicyText;
import org.custodian.policy.entity.PolicyDocument;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;

/**
 * Loading a published policy (admin): {code, title, label, publishedAt?, technologies?[], and
 * either text (the policy as plain text, split into its sections by its headings) or sections {KEY:
 * html}}. Later versions come only from addenda.
 */
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyAdminResource {

  /** The longest policy text accepted: a 50-page policy is about 150,000 characters. */
  public static final int MAX_TEXT = 2_000_000;

  @Inject Policies policies;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response load(JsonObject body) {
    JsonFields f = JsonFields.of(body);
    String code = f.text("code", true, 20);
    if (code != null && !code.matches("[A-Z0-9][A-Z0-9-]*")) {
      f.reject("code", "code must be capital letters, digits and hyphens, e.g. DRONES.");
    }
    String title = f.text("title", true, 200);
    String label = f.text("label", true, 300);
    Instant publishedAt = f.instant("publishedAt", false);
    java.util.Set<String> technologies = f.texts("technologies", false);
    String text = f.text("text", false, MAX_TEXT);
    Map<SectionKey, String> sections = SectionsJson.read(body, f, false, MAX_TEXT);
    if ((text == null) == sections.isEmpty()) {
      f.reject("text", "Give either text (the policy as plain text) or sections, not both.");
    }
    f.validate();
    if (text != null) {
      for (Section section : PolicyText.parse(text)) {
        sections.put(section.key(), section.body());
      }
    }
    PolicyDocument policy =
        policies.create(
            signedIn.actor(),
            code,
            title,
            label,
            publishedAt == null ? clock.now() : publishedAt,
            technologies == null ? List.of() : new ArrayList<>(technologies),
            sections);
    return Response.status(Response.Status.CREATED)
        .entity(PolicyResource.summaryOf(policies, policy))
        .build();
  }
}
