package org.custodian.directory.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.custodian.directory.control.AddAccessLevel;
import org.custodian.directory.control.AddCommand;
import org.custodian.directory.control.AddMember;
import org.custodian.directory.control.AddTechnology;
import org.custodian.directory.control.AddUser;
import org.custodian.directory.control.ChangeMember;
import org.custodian.directory.control.ChangePassword;
import org.custodian.directory.control.ChangeTechnology;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.DirectoryPolicy;
import org.custodian.directory.control.PermitLevels;
import org.custodian.directory.control.ResetPassword;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.control.UpdateUser;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.AppUser;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.platform.Actor;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.rest.QueryParams;

/** Who is signed in, and the directory they may see. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class DirectoryResource {

  public record Me(String username, List<String> roles, List<String> groups, String command) {}

  /** A user as the administrator sees them: never a password or its hash. */
  public record UserView(
      String username,
      String displayName,
      List<String> roles,
      List<String> groups,
      String command,
      String technology,
      String email,
      boolean enabled,
      boolean mustChangePassword,
      boolean signsInAgainstDirectory) {
    public static UserView of(AppUser u) {
      return new UserView(
          u.username(),
          u.displayName(),
          sorted(u.roles()),
          sorted(u.groups()),
          u.command() == null ? null : u.command().code(),
          u.technology() == null ? null : u.technology().code(),
          u.email(),
          u.enabled(),
          u.mustChangePassword(),
          u.signsInAgainstDirectory());
    }
  }

  public record MemberView(
      long id, String taxNumber, String name, String rank, String command, boolean active) {
    static MemberView of(Member m) {
      return new MemberView(
          m.id(), m.taxNumber(), m.name(), m.rank(), m.command().code(), m.active());
    }
  }

  public record PermittedLevel(String technology, String accessLevel) {}

  public record CommandView(
      String code, String name, String kind, List<PermittedLevel> permittedLevels) {}

  public record LevelView(String code, String name, boolean intelligenceOnly) {}

  public record TechnologyView(
      String code, String name, String category, int reviewLayers, List<LevelView> accessLevels) {}

  @Inject SignedInUser signedIn;

  @Inject Directory directory;

  @GET
  @Path("me")
  public Me me() {
    Actor actor = signedIn.actor();
    return new Me(
        actor.username(), sorted(actor.roles()), sorted(actor.groups()), actor.commandCode());
  }

  /**
   * Members of a command ({@code command}; by default the caller's own): its Commanding Officers,
   * auditors and the administrator ({@link DirectoryPolicy}); audited.
   */
  @GET
  @Path("members")
  public List<MemberView> members(@QueryParam("command") String command) {
    Actor actor = signedIn.actor();
    String code = command == null || command.isBlank() ? actor.commandCode() : command.strip();
    if (code == null) {
      throw new InvalidInputException("command", "Give the command whose members to list.");
    }
    return directory.searchMembers(actor, code).stream().map(MemberView::of).toList();
  }

  /** An admin (or the HR integration account) adds a member. */
  @POST
  @Path("members")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addMember(AddMember body) {
    Member member = directory.addMember(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED).entity(MemberView.of(member)).build();
  }

  /**
   * An admin corrects a member's name or rank; a move or a separation is a personnel event ({@code
   * POST /api/personnel-events}), so that access follows.
   */
  @PUT
  @Path("members/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberView changeMember(@PathParam("id") long id, ChangeMember body) {
    return MemberView.of(directory.changeMember(signedIn.actor(), id, body));
  }

  /** An admin adds a user (roles, work groups, command); the user can sign in at once. */
  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addUser(AddUser body) {
    var created = directory.addUser(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED)
        .entity(
            new Me(
                created.username(),
                sorted(created.roles()),
                sorted(created.groups()),
                created.command() == null ? null : created.command().code()))
        .build();
  }

  /** One page of the users, by name ({@code X-Total-Count}: how many in all); admin only. */
  @GET
  @Path("users")
  public Response users(
      @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
    QueryParams params = new QueryParams();
    int offset = params.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = params.number("limit", limitParam, 1, 200, 50);
    params.check();
    Actor actor = signedIn.actor();
    return Response.ok(directory.users(actor, offset, limit).stream().map(UserView::of).toList())
        .header("X-Total-Count", directory.countUsers(actor))
        .build();
  }

  @GET
  @Path("users/{username}")
  public UserView user(@PathParam("username") String username) {
    return UserView.of(directory.user(signedIn.actor(), username));
  }

  /** An admin changes a user's name, roles, groups, command, address, or disables them. */
  @PUT
  @Path("users/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView updateUser(@PathParam("username") String username, UpdateUser body) {
    return UserView.of(directory.updateUser(signedIn.actor(), username, body));
  }

  /** An admin sets a temporary password; the user changes it at the next sign-in. */
  @POST
  @Path("users/{username}/password-reset")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response resetPassword(@PathParam("username") String username, ResetPassword body) {
    directory.resetPassword(signedIn.actor(), username, body);
    return Response.noContent().build();
  }

  /** The signed-in user sets their own password (also while a reset one waits to be changed). */
  @POST
  @Path("me/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(ChangePassword body) {
    directory.changePassword(signedIn.actorChangingPassword().username(), body);
    return Response.noContent().build();
  }

  /** Every command with the levels its functions justify. */
  @GET
  @Path("commands")
  public List<CommandView> commands() {
    signedIn.actor();
    return directory.commands().stream().map(DirectoryResource::view).toList();
  }

  /** An admin adds a command; it permits no level until the admin ticks some. */
  @POST
  @Path("commands")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addCommand(AddCommand body) {
    Command command = directory.addCommand(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED).entity(view(command)).build();
  }

  /** An admin sets the levels a command's functions justify: {@code {"levels": ["CMS:VIEW"]}}. */
  @PUT
  @Path("commands/{code}/permitted-levels")
  @Consumes(MediaType.APPLICATION_JSON)
  public CommandView permitLevels(@PathParam("code") String code, PermitLevels body) {
    return view(directory.permitLevels(signedIn.actor(), code, body));
  }

  /** An admin adds a technology the policies cover; its levels come one by one. */
  @POST
  @Path("technologies")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addTechnology(AddTechnology body) {
    Technology technology = directory.addTechnology(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED).entity(view(technology)).build();
  }

  /** An admin adds an access level to a technology; no command permits it yet. */
  @POST
  @Path("technologies/{code}/access-levels")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAccessLevel(@PathParam("code") String code, AddAccessLevel body) {
    Technology technology = directory.addAccessLevel(signedIn.actor(), code, body);
    return Response.status(Response.Status.CREATED).entity(view(technology)).build();
  }

  /** An admin changes how many review layers a technology's requests pass. */
  @PUT
  @Path("technologies/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TechnologyView changeTechnology(@PathParam("code") String code, ChangeTechnology body) {
    return view(directory.changeTechnology(signedIn.actor(), code, body));
  }

  @GET
  @Path("commands/{code}")
  public CommandView command(@PathParam("code") String code) {
    return view(
        directory
            .command(code)
            .orElseThrow(() -> new NotFoundException("No command " + code + ".")));
  }

  static CommandView view(Command command) {
    List<PermittedLevel> levels =
        command.permittedLevels().stream()
            .map(l -> new PermittedLevel(l.technology().code(), l.code()))
            .sorted(
                Comparator.comparing(PermittedLevel::technology)
                    .thenComparing(PermittedLevel::accessLevel))
            .toList();
    return new CommandView(command.code(), command.name(), command.kind().name(), levels);
  }

  @GET
  @Path("technologies")
  public List<TechnologyView> technologies() {
    return directory.technologies().stream().map(DirectoryResource::view).toList();
  }

  static TechnologyView view(Technology t) {
    return new TechnologyView(
        t.code(),
        t.name(),
        t.category(),
        t.reviewLayers(),
        t.accessLevels().stream()
            .map((AccessLevel l) -> new LevelView(l.code(), l.name(), l.intelligenceOnly()))
            .toList());
  }

  private static List<String> sorted(java.util.Set<String> values) {
    return values.stream().sorted().toList();
  }
}
