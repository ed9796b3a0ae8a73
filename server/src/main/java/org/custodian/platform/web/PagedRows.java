package org.custodian.platform.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table's rows read one page at a time from a control service that scopes them to the signed-in
 * user in its query: the screen shows what the API's {@code offset}/{@code limit} show, never a
 * window cut from a longer list in memory.
 *
 * @param <T> a row
 */
public final class PagedRows<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Where the rows come from. */
  public interface Source<T> extends Serializable {
    List<T> page(int offset, int limit);

    long count();
  }

  /** A row's stable key (for selection and row state). */
  public interface Key<T> extends Serializable {
    String of(T row);
  }

  /** The largest page a paginator may ask for, whatever the browser sends. */
  public static final int MAX_PAGE = 200;

  private final Source<T> source;
  private final Key<T> key;

  public PagedRows(Source<T> source, Key<T> key) {
    this.source = source;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, source.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    // the paginator's numbers come from the browser: kept within what a page may ask for
    return source.page(
        Math.min(Math.max(0, first), 1_000_000), Math.min(Math.max(1, pageSize), MAX_PAGE));
  }

  @Override
  public String getRowKey(T row) {
    return key.of(row);
  }

  @Override
  public T getRowData(String rowKey) {
    return null;
  }
}
