package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.MqttCollector;
import com.batchtrace.collection.control.ProcessData;
import com.batchtrace.collection.entity.BatchException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** What the collector is doing: broker state, dead letters, unmapped topics, batch exceptions. */
@ApplicationScoped
public class CollectionMonitor {

  @Inject MqttCollector collector;

  @Inject ProcessData data;

  @PersistenceContext EntityManager em;

  public CollectionStatus status() {
    return collector.status();
  }

  @Transactional
  public List<ProcessData.DeadLetter> deadLetters(int limit) {
    return data.deadLetters(limit);
  }

  @Transactional
  public List<ProcessData.UnmappedTopic> unmappedTopics(int limit) {
    return data.unmappedTopics(limit);
  }

  /** The exceptions the data raised on a batch, in the order they started. */
  @Transactional
  public List<ExceptionView> exceptionsOf(long batchId) {
    return em.createQuery(
            "select x from BatchException x left join fetch x.tag where x.batch.id = :b"
                + " order by x.startedAt, x.id",
            BatchException.class)
        .setParameter("b", batchId)
        .getResultStream()
        .map(ExceptionView::of)
        .toList();
  }

  /** An exception on a batch as pages and JSON show it; raisedBy names a person, else null. */
  public record ExceptionView(
      long id,
      String kind,
      Integer stepPosition,
      String topic,
      String tag,
      String parameter,
      Instant startedAt,
      Instant endedAt,
      Double worstValue,
      String detail,
      String raisedBy) {

    static ExceptionView of(BatchException x) {
      return new ExceptionView(
          x.getId(),
          x.getKind().name(),
          x.getStepPosition(),
          x.getTag() == null ? null : x.getTag().getTopic(),
          x.getTag() == null ? null : x.getTag().getTag(),
          x.getParameter(),
          x.getStartedAt(),
          x.getEndedAt(),
          x.getWorstValue(),
          x.getDetail(),
          x.getRaisedBy());
    }
  }
}
