package org.custodian;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled classes and the sources: the
 * platform knows no capability; a capability reaches another only through its {@code control} (and
 * the entities that control hands out), never its screens or resources; and no capability's query
 * names another capability's table or entity.
 */
class ArchitectureTest {

  static final List<String> CAPABILITIES =
      List.of(
          "access",
          "addendum",
          "audit",
          "breach",
          "directory",
          "disclosure",
          "inbox",
          "notification",
          "oversight",
          "policy");

  /** Tables the migrations create that no entity maps, and the capability that owns each. */
  static final Map<String, String> UNMAPPED_TABLES =
      Map.of(
          "audit_head", "audit",
          "audit_node", "audit",
          "audit_lease", "audit",
          "audit_witness_state", "audit",
          "policy_coverage", "policy",
          "business_key_sequence", "platform");

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.custodian");
  }

  @Test
  void platformDependsOnNoCapability() {
    noClasses()
        .that()
        .resideInAPackage("org.custodian.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            CAPABILITIES.stream().map(c -> "org.custodian." + c + "..").toArray(String[]::new))
        .check(classes);
  }

  @Test
  void aCapabilityUsesNoOtherCapabilitysBoundary() {
    for (String capability : CAPABILITIES) {
      noClasses()
          .that()
          .resideOutsideOfPackage("org.custodian." + capability + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.custodian." + capability + ".boundary..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void entitiesDependOnNoControlOrBoundary() {
    noClasses()
        .that()
        .resideInAPackage("org.custodian.*.entity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.custodian.*.control..", "org.custodian.*.boundary..")
        .check(classes);
  }

  @Test
  void everyTableHasOneOwner() throws IOException {
    Map<String, String> owners = tableOwners();
    Set<String> created = new TreeSet<>();
    Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?`?(\\w+)");
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.toList()) {
        Matcher m = create.matcher(Files.readString(file));
        while (m.find()) {
          created.add(m.group(1).toLowerCase());
        }
      }
    }
    created.removeAll(owners.keySet());
    assertEquals(
        Set.of(),
        created,
        "tables the migrations create that neither an entity nor UNMAPPED_TABLES gives an owner");
  }

  /**
   * Every query string in a capability's code (JPQL or SQL, named queries included) reads and
   * writes only its own capability's entities and tables; for another's records it asks that
   * capability's control. Schema migrations, which see the whole schema, are exempt.
   */
  @Test
  void noCapabilityQueriesAnothersTables() throws IOException {
    Map<String, String> owners = tableOwners();
    Map<String, Set<String>> foreignAssociations = foreignAssociations();
    Pattern target = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+`?(\\w+)");
    Set<String> migrations = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.isAssignableTo(JavaMigration.class)) {
        migrations.add(c.getName());
      }
    }
    List<String> violations = new ArrayList<>();
    for (String capability : CAPABILITIES) {
      Path root = Path.of("src/main/java/org/custodian", capability);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String className =
              "org.custodian."
                  + Path.of("src/main/java/org/custodian")
                      .relativize(file)
                      .toString()
                      .replace('/', '.')
                      .replaceAll("\\.java$", "");
          if (migrations.contains(className)) {
            continue;
          }
          for (String literal : stringLiterals(Files.readString(file))) {
            Matcher m = target.matcher(literal);
            while (m.find()) {
              String owner = owners.get(m.group(1).toLowerCase());
              if (owner != null && !owner.equals(capability) && !owner.equals("platform")) {
                violations.add(
                    file + ": " + m.group(1) + " belongs to " + owner + ": " + squeeze(literal));
              }
            }
            for (String association : foreignAssociations.getOrDefault(capability, Set.of())) {
              Matcher path =
                  Pattern.compile("\\." + association + "\\.(?!id\\b)(\\w+)").matcher(literal);
              if (path.find()) {
                violations.add(
                    file
                        + ": ."
                        + association
                        + "."
                        + path.group(1)
                        + " reads another capability's table: "
                        + squeeze(literal));
              }
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  void theQueryCheckSeesConcatenatedAndTextBlockQueries() {
    String source =
        "String a = \"SELECT x FROM\"\n + \" member m\";\n"
            + "String b = \"\"\"\n  select i from RecertificationItem i\n  join command c\n  \"\"\";";
    List<String> literals = stringLiterals(source);
    assertEquals(
        List.of(
            "SELECT x FROM member m",
            "\n  select i from RecertificationItem i\n  join command c\n  "),
        literals);
  }

  /**
   * Each table's owner: the capability whose entity maps it (its own table, collection tables and
   * join tables, and the entity's name for JPQL), plus {@link #UNMAPPED_TABLES}.
   */
  static Map<String, String> tableOwners() {
    Map<String, String> owners = new TreeMap<>(UNMAPPED_TABLES);
    for (JavaClass c : classes) {
      if (!c.isAnnotatedWith(Entity.class)) {
        continue;
      }
      String capability = capabilityOf(c.getPackageName());
      Class<?> entity = c.reflect();
      owners.put(entity.getSimpleName().toLowerCase(), capability);
      Table table = entity.getAnnotation(Table.class);
      if (table != null) {
        owners.put(table.name().toLowerCase(), capability);
      }
      for (Field field : entity.getDeclaredFields()) {
        CollectionTable collection = field.getAnnotation(CollectionTable.class);
        if (collection != null) {
          owners.put(collection.name().toLowerCase(), capability);
        }
        JoinTable join = field.getAnnotation(JoinTable.class);
        if (join != null) {
          owners.put(join.name().toLowerCase(), capability);
        }
      }
    }
    return owners;
  }

  /**
   * Per capability, the names of its entities' associations to another capability's entity: a query
   * may compare such an association's id (its own foreign key column), but a path through it to any
   * other attribute joins the other capability's table.
   */
  static Map<String, Set<String>> foreignAssociations() {
    Map<String, Set<String>> associations = new TreeMap<>();
    for (JavaClass c : classes) {
      if (!c.isAnnotatedWith(Entity.class)) {
        continue;
      }
      String capability = capabilityOf(c.getPackageName());
      for (Field field : c.reflect().getDeclaredFields()) {
        if (field.isAnnotationPresent(ManyToOne.class)
            || field.isAnnotationPresent(OneToOne.class)) {
          String target = capabilityOf(field.getType().getPackageName());
          if (!target.equals(capability)) {
            associations.computeIfAbsent(capability, k -> new TreeSet<>()).add(field.getName());
          }
        }
      }
    }
    return associations;
  }

  static String capabilityOf(String packageName) {
    return packageName.split("\\.")[2];
  }

  /**
   * The string literals of a Java source, with adjacent literals joined across {@code +} (a query
   * split over lines is read whole) and text blocks read as they are.
   */
  static List<String> stringLiterals(String source) {
    List<String> literals = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
            .matcher(source);
    StringBuilder current = null;
    int end = -1;
    while (m.find()) {
      String text = m.group(1) != null ? m.group(1) : m.group(2);
      boolean joined = current != null && source.substring(end, m.start()).strip().equals("+");
      if (joined) {
        current.append(text);
      } else {
        if (current != null) {
          literals.add(current.toString());
        }
        current = new StringBuilder(text);
      }
      end = m.end();
    }
    if (current != null) {
      literals.add(current.toString());
    }
    return literals;
  }

  static String squeeze(String text) {
    String squeezed = text.replaceAll("\\s+", " ").strip();
    return squeezed.length() > 160 ? squeezed.substring(0, 160) + "…" : squeezed;
  }
}
