package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import java.util.Map;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.boot.spi.MetadataBuilderInitializer;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;

/**
 * Hibernate's hook, found by {@link java.util.ServiceLoader}: a persistence unit whose properties name an
 * application ({@value ServerUnits#APPLICATION_PROPERTY}) maps the library's entities to that application's tables,
 * and every other name with the unit's own naming strategy. A unit without the property is left as it is.
 */
public final class UnitApplicationNaming implements MetadataBuilderInitializer {
  @Override
  public void contribute(MetadataBuilder builder, StandardServiceRegistry registry) {
    Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
    Object application = settings.get(ServerUnits.APPLICATION_PROPERTY);
    if (application == null) {
      return;
    }
    PhysicalNamingStrategy own = registry.requireService(StrategySelector.class).resolveDefaultableStrategy(
        PhysicalNamingStrategy.class, settings.get(AvailableSettings.PHYSICAL_NAMING_STRATEGY),
        PhysicalNamingStrategyStandardImpl.INSTANCE);
    builder.applyPhysicalNamingStrategy(
        new ApplicationTableNaming(TableNames.of(application.toString().trim()), own));
  }
}
