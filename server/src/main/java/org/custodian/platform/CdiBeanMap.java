package org.custodian.platform;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.AbstractMap;
import java.util.Set;

/**
 * Lets BPMN expressions such as {@code ${grantAccess}} resolve to {@code @Named} CDI beans, the
 * small part of flowable-cdi (no release for Flowable 8) that Custodian needs.
 */
final class CdiBeanMap extends AbstractMap<Object, Object> {

  private final BeanManager beanManager;

  CdiBeanMap(BeanManager beanManager) {
    this.beanManager = beanManager;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && !beanManager.getBeans(name).isEmpty();
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    Set<Bean<?>> beans = beanManager.getBeans(name);
    if (beans.isEmpty()) {
      return null;
    }
    Bean<?> bean = beanManager.resolve(beans);
    CreationalContext<?> context = beanManager.createCreationalContext(bean);
    return beanManager.getReference(bean, bean.getBeanClass(), context);
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    throw new UnsupportedOperationException("CDI beans cannot be listed");
  }
}
