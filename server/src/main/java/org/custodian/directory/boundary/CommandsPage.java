package org.custodian.directory.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.custodian.directory.control.ChangeTechnology;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.DirectoryPolicy;
import org.custodian.directory.control.PermitLevels;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/**
 * Commands' permitted levels and technologies' review layers: the API's records ({@code
 * PermitLevels}, {@code ChangeTechnology}). Admin only; every change audited by the directory.
 */
@Named
@ViewScoped
public class CommandsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Directory directory;

  @Inject DirectoryPolicy policy;

  @Inject SignedInUser signedIn;

  private String command;
  private List<String> permitted = new ArrayList<>();
  private final Map<String, String> layers = new HashMap<>();
  private List<DirectoryResource.TechnologyView> technologies = List.of();

  @jakarta.transaction.Transactional
  public void load() {
    policy.requireKeep(signedIn.actor());
    technologies = directory.technologies().stream().map(DirectoryResource::view).toList();
    technologies.forEach(t -> layers.put(t.code(), String.valueOf(t.reviewLayers())));
    if (command == null) {
      command = getCommandCodes().get(0);
    }
    showCommand();
  }

  @jakarta.transaction.Transactional
  public void showCommand() {
    permitted =
        directory
            .command(command)
            .map(
                c ->
                    c.permittedLevels().stream()
                        .map(AccessLevel::qualifiedCode)
                        .sorted()
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new)))
            .orElseGet(ArrayList::new);
  }

  public String saveLevels() {
    try {
      directory.permitLevels(
          signedIn.actor(), command, new PermitLevels(new LinkedHashSet<>(permitted)));
      Pages.info(command + ": permitted levels saved.");
    } catch (InvalidInputException e) {
      Pages.show("levels", rename(e, "permitted"));
    }
    return null;
  }

  public String saveLayers() {
    try {
      for (DirectoryResource.TechnologyView t : technologies) {
        String wanted = layers.get(t.code());
        if (wanted != null && !wanted.equals(String.valueOf(t.reviewLayers()))) {
          int number;
          try {
            number = Integer.parseInt(wanted);
          } catch (NumberFormatException e) {
            throw new InvalidInputException("reviewLayers", "must be 1 to 9");
          }
          directory.changeTechnology(signedIn.actor(), t.code(), new ChangeTechnology(number));
        }
      }
      Pages.info("Review layers saved.");
      load();
    } catch (InvalidInputException e) {
      Pages.show("technologies", e);
    }
    return null;
  }

  /** The API names the field "levels"; on this screen the checkboxes are "permitted". */
  private static InvalidInputException rename(InvalidInputException e, String field) {
    return new InvalidInputException(
        e.errors().stream()
            .map(err -> new InvalidInputException.FieldError(field, err.message()))
            .toList());
  }

  public List<String> getCommandCodes() {
    return directory.commands().stream().map(c -> c.code()).toList();
  }

  public List<String> getLevelCodes() {
    return technologies.stream()
        .flatMap(t -> t.accessLevels().stream().map(l -> t.code() + ":" + l.code()))
        .toList();
  }

  public List<String> getLayerChoices() {
    return IntStream.rangeClosed(1, 9).mapToObj(String::valueOf).toList();
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public List<String> getPermitted() {
    return permitted;
  }

  public void setPermitted(List<String> permitted) {
    this.permitted = permitted == null ? new ArrayList<>() : new ArrayList<>(permitted);
  }

  public Map<String, String> getLayers() {
    return layers;
  }

  public List<DirectoryResource.TechnologyView> getTechnologies() {
    return technologies;
  }
}
