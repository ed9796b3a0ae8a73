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
import org.custodian.directory.control.AddAccessLevel;
import org.custodian.directory.control.AddCommand;
import org.custodian.directory.control.AddTechnology;
import org.custodian.directory.control.ChangeTechnology;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.DirectoryPolicy;
import org.custodian.directory.control.PermitLevels;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Technology;
import org.custodian.platform.ConflictException;
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

  private String commandCode;
  private String commandName;
  private String commandKind;

  private String technologyCode;
  private String technologyName;
  private String technologyCategory;
  private String technologyLayers = "2";

  private String levelTechnology;
  private String levelCode;
  private String levelName;
  private boolean levelIntelligenceOnly;
  private final Map<String, String> layers = new HashMap<>();
  private List<DirectoryResource.TechnologyView> technologies = List.of();
  private List<String> commandCodes = List.of();

  /** Read once per load (and after each change), not at each of the view's reads of the list. */
  @jakarta.transaction.Transactional
  public void load() {
    policy.requireKeep(signedIn.actor());
    technologies = directory.technologies().stream().map(DirectoryResource::view).toList();
    technologies.forEach(t -> layers.put(t.code(), String.valueOf(t.reviewLayers())));
    commandCodes = directory.commands().stream().map(c -> c.code()).toList();
    if (command == null) {
      command = commandCodes.get(0);
    }
    showCommand();
  }

  /** The chosen command's permitted levels, each as TECHNOLOGY:LEVEL. */
  public void showCommand() {
    permitted = new ArrayList<>(new java.util.TreeSet<>(directory.permittedLevelCodes(command)));
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

  /** A new command; it is then the one whose levels the first card shows, none ticked. */
  public String addCommand() {
    return add(
        "addCommand",
        () -> {
          Command added =
              directory.addCommand(
                  signedIn.actor(), new AddCommand(strip(commandCode), commandName, commandKind));
          Pages.info(added.code() + " added: tick the levels its functions justify.");
          command = added.code();
          commandCode = null;
          commandName = null;
          commandKind = null;
        });
  }

  /** A new system; it is then the one the access-level card adds to. */
  public String addTechnology() {
    return add(
        "addTechnology",
        () -> {
          Technology added =
              directory.addTechnology(
                  signedIn.actor(),
                  new AddTechnology(
                      strip(technologyCode),
                      technologyName,
                      technologyCategory,
                      technologyLayers == null ? null : Integer.valueOf(technologyLayers)));
          Pages.info(added.code() + " added: add its access levels.");
          levelTechnology = added.code();
          technologyCode = null;
          technologyName = null;
          technologyCategory = null;
        });
  }

  public String addLevel() {
    return add(
        "addLevel",
        () -> {
          if (levelTechnology == null || levelTechnology.isBlank()) {
            throw new InvalidInputException("technology", "Choose the system.");
          }
          directory.addAccessLevel(
              signedIn.actor(),
              levelTechnology,
              new AddAccessLevel(strip(levelCode), levelName, levelIntelligenceOnly));
          Pages.info(
              levelTechnology
                  + ":"
                  + strip(levelCode)
                  + " added: no command permits it until you tick it for one.");
          levelCode = null;
          levelName = null;
          levelIntelligenceOnly = false;
        });
  }

  /**
   * Runs one of the additions, then shows the page again; a refusal shows beside the form's field,
   * a code already in use beside the code.
   */
  private String add(String formId, Runnable addition) {
    try {
      addition.run();
      load();
    } catch (InvalidInputException e) {
      Pages.show(formId, e);
    } catch (ConflictException e) {
      Pages.show(formId, new InvalidInputException("code", e.getMessage()));
    }
    return null;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  public List<String> getCommandKinds() {
    return java.util.Arrays.stream(Command.Kind.values()).map(Enum::name).toList();
  }

  public List<String> getCategories() {
    return List.of(AddTechnology.CATEGORIES.split("\\|"));
  }

  public List<String> getTechnologyCodes() {
    return technologies.stream().map(DirectoryResource.TechnologyView::code).toList();
  }

  public String getCommandCode() {
    return commandCode;
  }

  public void setCommandCode(String commandCode) {
    this.commandCode = commandCode;
  }

  public String getCommandName() {
    return commandName;
  }

  public void setCommandName(String commandName) {
    this.commandName = commandName;
  }

  public String getCommandKind() {
    return commandKind;
  }

  public void setCommandKind(String commandKind) {
    this.commandKind = commandKind;
  }

  public String getTechnologyCode() {
    return technologyCode;
  }

  public void setTechnologyCode(String technologyCode) {
    this.technologyCode = technologyCode;
  }

  public String getTechnologyName() {
    return technologyName;
  }

  public void setTechnologyName(String technologyName) {
    this.technologyName = technologyName;
  }

  public String getTechnologyCategory() {
    return technologyCategory;
  }

  public void setTechnologyCategory(String technologyCategory) {
    this.technologyCategory = technologyCategory;
  }

  public String getTechnologyLayers() {
    return technologyLayers;
  }

  public void setTechnologyLayers(String technologyLayers) {
    this.technologyLayers = technologyLayers;
  }

  public String getLevelTechnology() {
    return levelTechnology;
  }

  public void setLevelTechnology(String levelTechnology) {
    this.levelTechnology = levelTechnology;
  }

  public String getLevelCode() {
    return levelCode;
  }

  public void setLevelCode(String levelCode) {
    this.levelCode = levelCode;
  }

  public String getLevelName() {
    return levelName;
  }

  public void setLevelName(String levelName) {
    this.levelName = levelName;
  }

  public boolean isLevelIntelligenceOnly() {
    return levelIntelligenceOnly;
  }

  public void setLevelIntelligenceOnly(boolean levelIntelligenceOnly) {
    this.levelIntelligenceOnly = levelIntelligenceOnly;
  }

  /** The API names the field "levels"; on this screen the checkboxes are "permitted". */
  private static InvalidInputException rename(InvalidInputException e, String field) {
    return new InvalidInputException(
        e.errors().stream()
            .map(err -> new InvalidInputException.FieldError(field, err.message()))
            .toList());
  }

  public List<String> getCommandCodes() {
    return commandCodes;
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
