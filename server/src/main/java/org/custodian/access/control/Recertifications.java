package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.access.entity.RecertificationItem;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
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

  /** Rows per multi-row INSERT when a campaign opens (three parameters each). */
  private static final int ROWS_PER_INSERT = 500;

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

  @Inject Directory directory;

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

  /** Opens the campaign: one item per active grant, under the command the member belongs to now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public RecertificationCampaign open(String startedBy, String processInstanceId) {
    Instant now = clock.now();
    RecertificationCampaign campaign =
        new RecertificationCampaign(businessKeys.next("RC"), now, startedBy, now.plus(due));
    campaign.started(processInstanceId);
    em.persist(campaign);
    em.flush();
    int items = insertItems(campaign);
    audit.record(
        startedBy,
        "RECERTIFICATION_STARTED",
        "RecertificationCampaign",
        campaign.id(),
        campaign.businessKey() + ": " + items + " active grant(s), due " + campaign.dueAt());
    return campaign;
  }

  /**
   * One item per active grant, under the command its member belongs to now (the directory says
   * which), written by multi-row INSERTs into this capability's own table.
   */
  private int insertItems(RecertificationCampaign campaign) {
    List<Object[]> grants =
        em.createNamedQuery(AccessGrant.ACTIVE_WITH_MEMBER, Object[].class).getResultList();
    Map<Long, Long> commandOfMember =
        directory.commandIdsOf(grants.stream().map(row -> (Long) row[1]).toList());
    for (int from = 0; from < grants.size(); from += ROWS_PER_INSERT) {
      List<Object[]> rows = grants.subList(from, Math.min(grants.size(), from + ROWS_PER_INSERT));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO recertification_item (campaign_id, command_id, grant_id) VALUES ");
      for (int i = 0; i < rows.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append("(?")
            .append(3 * i + 1)
            .append(", ?")
            .append(3 * i + 2)
            .append(", ?")
            .append(3 * i + 3)
            .append(')');
      }
      Query insert = em.createNativeQuery(sql.toString());
      for (int i = 0; i < rows.size(); i++) {
        insert.setParameter(3 * i + 1, campaign.id());
        insert.setParameter(3 * i + 2, commandOfMember.get((Long) rows.get(i)[1]));
        insert.setParameter(3 * i + 3, rows.get(i)[0]);
      }
      insert.executeUpdate();
    }
    return grants.size();
  }

  /** The codes of the commands that have grants to recertify in the campaign, in code order. */
  public List<String> commandsOf(RecertificationCampaign campaign) {
    Set<Long> ids =
        Set.copyOf(
            em.createNamedQuery(RecertificationItem.COMMANDS, Long.class)
                .setParameter("campaign", campaign.id())
                .getResultList());
    return directory.commands().stream()
        .filter(command -> ids.contains(command.id()))
        .map(Command::code)
        .sorted()
        .toList();
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
        directory
            .command(commandCode)
            .orElseThrow(() -> new NotFoundException("No command " + commandCode + "."))
            .id();
    // one query for the whole page: each item with its grant, member, level and technology
    jakarta.persistence.EntityGraph<RecertificationItem> graph =
        em.createEntityGraph(RecertificationItem.class);
    jakarta.persistence.Subgraph<Object> grant = graph.addSubgraph("grant");
    grant.addAttributeNodes("member");
    grant.addSubgraph("accessLevel").addAttributeNodes("technology");
    List<RecertificationItem> items =
        new ArrayList<>(
            em.createNamedQuery(RecertificationItem.OF_COMMAND, RecertificationItem.class)
                .setParameter("campaign", campaignId)
                .setParameter("command", commandId)
                .setHint("jakarta.persistence.fetchgraph", graph)
                .getResultList());
    items.sort(
        Comparator.comparing((RecertificationItem item) -> item.grant().member().name())
            .thenComparing(item -> item.grant().id()));
    return items;
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
    Map<Long, Progress> byCommand = new HashMap<>();
    Map<Long, Command> commands =
        directory.commands().stream().collect(Collectors.toMap(Command::id, command -> command));
    for (Object[] row :
        em.createNamedQuery(RecertificationItem.PROGRESS, Object[].class)
            .setParameter("campaign", campaignId)
            .getResultList()) {
      Command command = commands.get((Long) row[0]);
      if (!policy.mayViewCampaignLine(actor, command.code())) {
        continue;
      }
      RecertificationItem.Decision decision = (RecertificationItem.Decision) row[1];
      long count = ((Number) row[2]).longValue();
      Progress last =
          byCommand.getOrDefault(
              command.id(), new Progress(command.code(), command.name(), 0, 0, 0));
      byCommand.put(
          command.id(),
          new Progress(
              last.command(),
              last.name(),
              last.certified() + (decision == RecertificationItem.Decision.KEEP ? count : 0),
              last.ended()
                  + (decision == RecertificationItem.Decision.END
                          || decision == RecertificationItem.Decision.EXPIRED
                      ? count
                      : 0),
              last.outstanding() + (decision == null ? count : 0)));
    }
    List<Progress> rows =
        byCommand.values().stream().sorted(Comparator.comparing(Progress::command)).toList();
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
