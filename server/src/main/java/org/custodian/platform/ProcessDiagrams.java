package org.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;

/**
 * The BPMN diagram of a case (from the definition's BPMN DI) with where it stands highlighted: the
 * open steps while it runs, the end it reached once done.
 */
@ApplicationScoped
public class ProcessDiagrams {

  @Inject RuntimeService runtime;

  @Inject HistoryService history;

  @Inject RepositoryService repository;

  public byte[] png(String processInstanceId) {
    HistoricProcessInstance process =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (process == null) {
      throw new NotFoundException("No process " + processInstanceId + ".");
    }
    BpmnModel model = repository.getBpmnModel(process.getProcessDefinitionId());
    List<String> highlighted =
        process.getEndTime() == null
            ? runtime.getActiveActivityIds(processInstanceId)
            : history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityType("endEvent")
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .toList();
    List<String> flows =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .activityType("sequenceFlow")
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .distinct()
            .toList();
    try (InputStream png =
        new DefaultProcessDiagramGenerator()
            .generateDiagram(
                model,
                "png",
                highlighted,
                flows,
                "DejaVu Sans",
                "DejaVu Sans",
                "DejaVu Sans",
                null,
                1.0,
                true)) {
      return png.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
