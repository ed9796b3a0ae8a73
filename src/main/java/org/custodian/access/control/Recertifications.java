package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.access.entity.RecertificationItem;
import org.custodian.audit.control.AuditLog;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.EngineClock;
import org.custodian.platform.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;

/**
 * Periodic recertification: each Commanding Officer confirms every active grant of their members,
 * so access that the assignment no longer requires is found even without a personnel event.
 */
@ApplicationScoped
public class Recertifications {

  public static final String PROCESS = "RecertificationProcess";

  /** Per command: certified (kept), ended (by decision or deadline), outstanding. */
  public record Progress(
      String command, String name, long certified, long ended, long outstanding) {}

  @PersistenceContext EntityManager em;

  @Inject RuntimeService runtime;

  @Inject BusinessKeys businessKeys;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject Revocations revocations;

  @Inject AccessPolicy policy;

  @Inject
  @ConfigProperty(name = "custodian.access.recertification-due", defaultValue = "P14D")
  Duration due;

  /** An admin starts a campaign now (otherwise the quarterly timer does). */
  @Transactional
  public RecertificationCampaign startNow(Actor actor) {
    policy.requireStartCampaign(actor);
    String processInstanceId =
        runtime
            .createProcessInstanceBuilder()
            .processDefinitionKey(PROCESS)
            .variable("startedBy", actor.username())
            .start()
            .getId();
    return em.createQuery(
            "select c from RecertificationCampaign c where c.processInstanceId = :pid",
            RecertificationCampaign.class)
        .setParameter("pid", processInstanceId)
        .getSingleResult();
  }

  /**
   * Opens the campaign: one item per active grant, under the command the member belongs to now,
   * written by one INSERT ... SELECT; returns the commands that have grants to recertify.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public RecertificationCampaign open(String startedBy, String processInstanceId) {
    Instant now = clock.now();
    RecertificationCampaign campaign =
        new RecertificationCampaign(businessKeys.next("RC"), now, startedBy, now.plus(due));
    campaign.started(processInstanceId);
    em.persist(campaign);
    em.flush();
    int items =
        em.createNativeQuery(
                "INSERT INTO recertification_item (campaign_id, command_id, grant_id)"
                    + " SELECT ?1, m.command_id, g.id FROM access_grant g JOIN member m ON m.id = g.member_id"
                    + " WHERE g.ended_at IS NULL")
            .setParameter(1, campaign.id())
            .executeUpdate();
    audit.record(
        startedBy,
        "RECERTIFICATION_STARTED",
        "RecertificationCampaign",
        campaign.id(),
        campaign.businessKey() + ": " + items + " active grant(s), due " + campaign.dueAt());
    return campaign;
  }

  @SuppressWarnings("unchecked")
  public List<String> commandsOf(RecertificationCampaign campaign) {
    return em.createNativeQuery(
            "SELECT DISTINCT c.code FROM recertification_item i JOIN command c ON c.id = i.command_id WHERE i.campaign_id = ?1 ORDER BY c.code")
        .setParameter(1, campaign.id())
        .getResultList();
  }

  public RecertificationCampaign find(long id) {
    RecertificationCampaign campaign = em.find(RecertificationCampaign.class, id);
    if (campaign == null) {
      throw new NotFoundException("No recertification campaign " + id + ".");
    }
    return campaign;
  }

  public List<RecertificationItem> itemsOf(long campaignId, String commandCode) {
    Long commandId =
        em.createQuery("select c.id from Command c where c.code = :code", Long.class)
            .setParameter("code", commandCode)
            .getSingleResult();
    // one query for the whole page: each item with its grant, member, level and technology
    jakarta.persistence.EntityGraph<RecertificationItem> graph =
        em.createEntityGraph(RecertificationItem.class);
    jakarta.persistence.Subgraph<Object> grant = graph.addSubgraph("grant");
    grant.addAttributeNodes("member");
    grant.addSubgraph("accessLevel").addAttributeNodes("technology");
    return em.createNamedQuery(RecertificationItem.OF_COMMAND, RecertificationItem.class)
        .setParameter("campaign", campaignId)
        .setParameter("command", commandId)
        .setHint("jakarta.persistence.fetchgraph", graph)
        .getResultList();
  }

  /** The deadline passed: every grant not certified ends, and the campaign closes. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int endUncertified(long campaignId) {
    RecertificationCampaign campaign = find(campaignId);
    Instant now = clock.now();
    int ended = 0;
    for (RecertificationItem item :
        em.createNamedQuery(RecertificationItem.UNDECIDED, RecertificationItem.class)
            .setParameter("campaign", campaignId)
            .getResultList()) {
      item.decide(RecertificationItem.Decision.EXPIRED, Actor.SYSTEM, now);
      if (item.grant().active()) {
        revocations.end(
            item.grant(),
            now,
            "not recertified by the deadline (" + campaign.businessKey() + ")",
            Actor.SYSTEM,
            "recertification deadline");
        ended++;
      }
    }
    campaign.close(now);
    audit.record(
        Actor.SYSTEM,
        "RECERTIFICATION_CLOSED",
        "RecertificationCampaign",
        campaignId,
        campaign.businessKey() + ": " + ended + " grant(s) ended by the deadline");
    return ended;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void close(long campaignId) {
    RecertificationCampaign campaign = find(campaignId);
    campaign.close(clock.now());
    audit.record(
        Actor.SYSTEM,
        "RECERTIFICATION_CLOSED",
        "RecertificationCampaign",
        campaignId,
        campaign.businessKey() + ": every command decided");
  }

  /** Who sees campaigns: admins, auditors, and Commanding Officers (their own command's line). */
  @Transactional
  public List<Progress> progress(Actor actor, long campaignId) {
    policy.requireViewCampaigns(actor);
    find(campaignId);
    List<Progress> rows = new ArrayList<>();
    for (Object[] row :
        em.createNamedQuery(RecertificationItem.PROGRESS, Object[].class)
            .setParameter("campaign", campaignId)
            .getResultList()) {
      String code = (String) row[0];
      if (!policy.mayViewCampaignLine(actor, code)) {
        continue;
      }
      RecertificationItem.Decision decision = (RecertificationItem.Decision) row[2];
      long count = ((Number) row[3]).longValue();
      Progress last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last == null || !last.command().equals(code)) {
        last = new Progress(code, (String) row[1], 0, 0, 0);
        rows.add(last);
      }
      rows.set(
          rows.size() - 1,
          new Progress(
              code,
              last.name(),
              last.certified() + (decision == RecertificationItem.Decision.KEEP ? count : 0),
              last.ended()
                  + (decision == RecertificationItem.Decision.END
                          || decision == RecertificationItem.Decision.EXPIRED
                      ? count
                      : 0),
              last.outstanding() + (decision == null ? count : 0)));
    }
    audit.record(
        actor.username(),
        "RECERTIFICATION_VIEWED",
        "RecertificationCampaign",
        campaignId,
        rows.size() + " command(s)");
    return rows;
  }

  /** The latest campaigns, for those who may see them; the read is audited. */
  @Transactional
  public List<RecertificationCampaign> campaigns(Actor actor) {
    policy.requireViewCampaigns(actor);
    List<RecertificationCampaign> campaigns =
        em.createNamedQuery(RecertificationCampaign.ALL, RecertificationCampaign.class)
            .setMaxResults(50)
            .getResultList();
    audit.record(
        actor.username(),
        "RECERTIFICATION_CAMPAIGNS_LISTED",
        "RecertificationCampaign",
        "all",
        campaigns.size() + " campaign(s)");
    return campaigns;
  }

  /** One campaign, for those who may see campaigns. */
  public RecertificationCampaign find(Actor actor, long id) {
    policy.requireViewCampaigns(actor);
    return find(id);
  }
}
