package com.batchtrace.bench;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.MaterialLot;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The genealogy walked with JPA the way it is first written with entities: a JPQL query for the
 * batches that consumed a lot, then one for the lots each of those batches made, lot after lot,
 * until no new lot turns up (the set of lots reached ends cycles). One query per node, every row an
 * entity in the persistence context, which starts empty for each trace as a request's does. The
 * application does not trace like this; the benchmark measures what its recursive SQL
 * (GenealogyQueries) saves over it.
 */
final class EntityWalk implements AutoCloseable {

  /** Held so that the level set on it stays (the JDK keeps loggers only weakly). */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  private final EntityManagerFactory factory;
  private final EntityManager entityManager;

  /** Hibernate ORM in Java SE on the {@code genealogy-walk} unit (META-INF/persistence.xml). */
  EntityWalk(DataSource dataSource) {
    HIBERNATE_LOG.setLevel(Level.WARNING);
    factory =
        Persistence.createEntityManagerFactory(
            "genealogy-walk", Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
    entityManager = factory.createEntityManager();
  }

  /** How many lots downstream of the lot: batches that consumed it, lots those batches made. */
  int forward(long lotId) {
    return walk(
        lotId,
        lot ->
            entityManager
                .createQuery("select c.batch from LotConsumption c where c.lot = :lot", Batch.class)
                .setParameter("lot", lot)
                .getResultList(),
        batch ->
            entityManager
                .createQuery(
                    "select l from MaterialLot l where l.producedBy = :batch", MaterialLot.class)
                .setParameter("batch", batch)
                .getResultList());
  }

  /** How many lots upstream of the lot: the batch that made it, the lots that batch consumed. */
  int backward(long lotId) {
    return walk(
        lotId,
        lot ->
            entityManager
                .createQuery("select l.producedBy from MaterialLot l where l = :lot", Batch.class)
                .setParameter("lot", lot)
                .getResultList(),
        batch ->
            entityManager
                .createQuery(
                    "select c.lot from LotConsumption c where c.batch = :batch", MaterialLot.class)
                .setParameter("batch", batch)
                .getResultList());
  }

  private int walk(
      long lotId,
      Function<MaterialLot, List<Batch>> batchesOf,
      Function<Batch, List<MaterialLot>> lotsOf) {
    entityManager.clear();
    entityManager.getTransaction().begin();
    try {
      MaterialLot start = entityManager.getReference(MaterialLot.class, lotId);
      Set<Long> reached = new HashSet<>(Set.of(lotId));
      List<MaterialLot> queue = new ArrayList<>(List.of(start));
      for (int i = 0; i < queue.size(); i++) {
        for (Batch batch : batchesOf.apply(queue.get(i))) {
          for (MaterialLot lot : lotsOf.apply(batch)) {
            if (reached.add(lot.getId())) {
              queue.add(lot);
            }
          }
        }
      }
      return reached.size() - 1;
    } finally {
      entityManager.getTransaction().rollback();
      entityManager.clear();
    }
  }

  @Override
  public void close() {
    entityManager.close();
    factory.close();
  }
}
