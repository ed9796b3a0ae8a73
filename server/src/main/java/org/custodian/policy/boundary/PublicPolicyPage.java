package org.custodian.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.platform.NotFoundException;
import org.custodian.policy.control.Policies;
import org.custodian.policy.control.PolicyDiff;

/**
 * One policy for the public (no sign-in): a version's text with the history beside it, or two
 * versions compared. Published versions never change, so their text comes from memory.
 */
@Named
@RequestScoped
public class PublicPolicyPage {

  @Inject Policies policies;

  private String policy;
  private Integer version;
  private Integer from;
  private Integer to;
  private Policies.PublishedText text;
  private Policies.PublishedText current;
  private List<PolicyDiff.SectionDiff> diffs;

  public void load() {
    if (policy == null || policy.isBlank()) {
      throw new NotFoundException("Choose a policy from the list of published policies.");
    }
    current = policies.text(policy, null);
    text = version == null ? current : policies.text(policy, version);
  }

  /**
   * The comparison page: {@code to} (default: current) against {@code from} (default: the version
   * before).
   */
  public void compare() {
    if (policy == null || policy.isBlank()) {
      throw new NotFoundException("Choose a policy from the list of published policies.");
    }
    current = policies.text(policy, null);
    int later = to == null ? current.number() : to;
    int earlier = from == null ? later - 1 : from;
    if (earlier < 1) {
      throw new NotFoundException(
          "Version " + later + " is the policy's first; there is nothing earlier to compare with.");
    }
    text = later == current.number() ? current : policies.text(policy, later);
    from = earlier;
    to = later;
    diffs =
        PolicyDiff.changedOnly(
            Policies.diff(
                policies.text(policy, earlier),
                text)); // filtered once, read several times per render
  }

  public boolean isLatest() {
    return text.number() == current.number();
  }

  public Policies.PublishedText getText() {
    return text;
  }

  public Policies.PublishedText getCurrent() {
    return current;
  }

  /** The sections the later version changed. */
  public List<PolicyDiff.SectionDiff> getChangedDiffs() {
    return diffs;
  }

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer from) {
    this.from = from;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer to) {
    this.to = to;
  }
}
