package org.corsgen.bench.stub;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A header map that a benchmark reuses across invocations without allocating: {@link #reset()}
 * empties the value lists but keeps them, and a name whose list is empty counts as absent.
 *
 * <p>Names are compared exactly (the contenders use canonical names). Only the single-key
 * operations are meant for the measured path; the views copy.
 */
public final class ReusableHeaderMap<V> extends AbstractMap<String, List<V>>
    implements MultivaluedMap<String, V> {

  private final Map<String, List<V>> store = new LinkedHashMap<>();
  private final List<List<V>> lists = new ArrayList<>();

  /** Empties every value; the lists stay, so the next invocation does not allocate. */
  public void reset() {
    for (int i = 0; i < lists.size(); i++) {
      lists.get(i).clear();
    }
  }

  private List<V> values(String key) {
    List<V> values = store.get(key);
    if (values == null) {
      values = new ArrayList<>(4);
      store.put(key, values);
      lists.add(values);
    }
    return values;
  }

  @Override
  public List<V> get(Object key) {
    List<V> values = store.get(key);
    return values == null || values.isEmpty() ? null : values;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public List<V> put(String key, List<V> value) {
    List<V> previous = get(key);
    List<V> copy = previous == null ? null : new ArrayList<>(previous);
    List<V> values = values(key);
    values.clear();
    values.addAll(value);
    return copy;
  }

  @Override
  public List<V> remove(Object key) {
    List<V> values = get(key);
    if (values == null) {
      return null;
    }
    List<V> copy = new ArrayList<>(values);
    values.clear();
    return copy;
  }

  @Override
  public void clear() {
    reset();
  }

  @Override
  public Set<Entry<String, List<V>>> entrySet() {
    Map<String, List<V>> present = new LinkedHashMap<>();
    store.forEach((key, values) -> {
      if (!values.isEmpty()) {
        present.put(key, values);
      }
    });
    return present.entrySet();
  }

  @Override
  public void putSingle(String key, V value) {
    List<V> values = values(key);
    values.clear();
    values.add(value);
  }

  @Override
  public void add(String key, V value) {
    values(key).add(value);
  }

  @Override
  public V getFirst(String key) {
    List<V> values = get(key);
    return values == null ? null : values.get(0);
  }

  @Override
  @SafeVarargs
  public final void addAll(String key, V... newValues) {
    values(key).addAll(Arrays.asList(newValues));
  }

  @Override
  public void addAll(String key, List<V> valueList) {
    values(key).addAll(valueList);
  }

  @Override
  public void addFirst(String key, V value) {
    values(key).add(0, value);
  }

  @Override
  public boolean equalsIgnoreValueOrder(MultivaluedMap<String, V> other) {
    throw new UnsupportedOperationException();
  }
}
