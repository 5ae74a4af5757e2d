package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.ProcessData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** What the collector is doing: broker state, dead letters, unmapped topics. */
@ApplicationScoped
public class CollectionMonitor {

  @Inject MqttCollector collector;

  @Inject ProcessData data;

  @PersistenceContext EntityManager em;

  public CollectionStatus status() {
    return collector.status();
  }

  @Transactional
  public List<DeadLetter> deadLetters(int limit) {
    return data.deadLetters(limit);
  }

  @Transactional
  public List<UnmappedTopic> unmappedTopics(int limit) {
    return data.unmappedTopics(limit);
  }

  @Inject com.batchtrace.collection.control.ProcessValueQueries values;

  /** Each mapped tag's last stored value and its time, by tag id. */
  public java.util.Map<Long, TagLastValue> lastValues() {
    return values.lastValues();
  }
}
