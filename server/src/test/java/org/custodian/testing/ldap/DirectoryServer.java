package org.custodian.testing.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real directory server for the whole test run (UnboundID's in-memory server), made to look like
 * Active Directory to Elytron's ldap-realm: AD's {@code user} and {@code group} classes and
 * sAMAccountName, memberOf, userAccountControl and department on the standard schema
 * (ldap/ad-schema.ldif), the test's users and groups (ldap/directory.ldif), no anonymous search,
 * and a disabled account's bind refused as AD refuses it. AD's bitwise matching rule on
 * userAccountControl (LDAP_MATCHING_RULE_BIT_AND, which the in-memory server does not support) is
 * rewritten into equality filters over the values present, so the production filter is tested as it
 * is. Its own package: the in-container test deployments take org.custodian.testing whole, and the
 * server has no UnboundID.
 */
public final class DirectoryServer implements LauncherSessionListener {

  public static final int PORT = Integer.getInteger("custodian.test.ldap-port", 10389);
  public static final String BASE = "DC=nypd,DC=test";

  private static final String BIT_AND = "1.2.840.113556.1.4.803";
  private static final String BIT_OR = "1.2.840.113556.1.4.804";

  private static InMemoryDirectoryServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // the unit tests' JVM (surefire) says it needs no servers; integration tests and IDE runs do
    if (Boolean.parseBoolean(System.getProperty("custodian.test.servers", "true"))) {
      start();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.shutDown(true);
      server = null;
    }
  }

  static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", PORT));
      try (InputStream schema = resource("ldap/ad-schema.ldif")) {
        Entry entry = new LDIFReader(schema).readEntry();
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(entry)));
      }
      config.setAuthenticationRequiredOperationTypes(
          EnumSet.of(OperationType.SEARCH, OperationType.COMPARE));
      config.addInMemoryOperationInterceptor(new LikeActiveDirectory());
      server = new InMemoryDirectoryServer(config);
      try (InputStream directory = resource("ldap/directory.ldif")) {
        server.importFromLDIF(true, new LDIFReader(directory));
      }
      server.startListening();
    } catch (Exception e) {
      throw new IllegalStateException("the test directory did not start on port " + PORT, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DirectoryServer.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    return in;
  }

  /** What Active Directory does that the in-memory server does not. */
  private static final class LikeActiveDirectory extends InMemoryOperationInterceptor {

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request)
        throws LDAPException {
      Filter original = request.getRequest().getFilter();
      Filter rewritten = rewrite(original);
      if (!rewritten.equals(original)) {
        SearchRequest copy = request.getRequest().duplicate();
        copy.setFilter(rewritten);
        request.setRequest(copy);
      }
    }

    /** A disabled account's bind fails as on AD: invalid credentials, "data 533". */
    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request)
        throws LDAPException {
      String dn = request.getRequest().getBindDN();
      if (!dn.isEmpty()) {
        Entry entry = server.getEntry(dn);
        if (entry != null
            && entry.hasAttribute("userAccountControl")
            && (entry.getAttributeValueAsLong("userAccountControl") & 2) != 0) {
          throw new LDAPException(
              ResultCode.INVALID_CREDENTIALS,
              "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 533");
        }
      }
    }
  }

  /** AD's bitwise rules as an OR of equality filters over the attribute's values present. */
  private static Filter rewrite(Filter f) throws LDAPException {
    switch (f.getFilterType()) {
      case Filter.FILTER_TYPE_AND:
        return Filter.createANDFilter(rewriteAll(f.getComponents()));
      case Filter.FILTER_TYPE_OR:
        return Filter.createORFilter(rewriteAll(f.getComponents()));
      case Filter.FILTER_TYPE_NOT:
        return Filter.createNOTFilter(rewrite(f.getNOTComponent()));
      case Filter.FILTER_TYPE_EXTENSIBLE_MATCH:
        String rule = f.getMatchingRuleID();
        if (BIT_AND.equals(rule) || BIT_OR.equals(rule)) {
          long mask = Long.parseLong(f.getAssertionValue());
          List<Filter> values = new ArrayList<>();
          for (long v : valuesOf(f.getAttributeName())) {
            if (BIT_AND.equals(rule) ? (v & mask) == mask : (v & mask) != 0) {
              values.add(Filter.createEqualityFilter(f.getAttributeName(), Long.toString(v)));
            }
          }
          return Filter.createORFilter(values); // (|) matches nothing
        }
        return f;
      default:
        return f;
    }
  }

  private static List<Filter> rewriteAll(Filter[] filters) throws LDAPException {
    List<Filter> out = new ArrayList<>();
    for (Filter c : filters) {
      out.add(rewrite(c));
    }
    return out;
  }

  private static TreeSet<Long> valuesOf(String attribute) throws LDAPException {
    TreeSet<Long> values = new TreeSet<>();
    for (SearchResultEntry e :
        server
            .search(BASE, SearchScope.SUB, Filter.createPresenceFilter(attribute), attribute)
            .getSearchEntries()) {
      Long v = e.getAttributeValueAsLong(attribute);
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }
}
