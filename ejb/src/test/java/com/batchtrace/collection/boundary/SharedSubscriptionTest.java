package com.batchtrace.collection.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each node of a clustered site subscribes as a member of the site's shared subscription. */
@Tag("URS-080")
class SharedSubscriptionTest {

  @Test
  void aClusteredNodeSubscribesEachFilterAsAMemberOfTheSitesGroup() {
    assertArrayEquals(
        new String[] {"$share/batchtrace/#", "$share/batchtrace/acme/+/line-1/#"},
        MqttCollector.subscriptions(new String[] {"#", "acme/+/line-1/#"}, true));
  }

  @Test
  void aSingleNodeSubscribesTheFiltersAsConfigured() {
    assertArrayEquals(new String[] {"#"}, MqttCollector.subscriptions(new String[] {"#"}, false));
  }

  @Test
  void aFilterNamingASharedGroupOfItsOwnIsRefused() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> MqttCollector.subscriptions(new String[] {"$share/other/#"}, true));
    assertTrue(refused.getMessage().contains("BATCHTRACE_MQTT_SHARED"), refused.getMessage());
  }
}
