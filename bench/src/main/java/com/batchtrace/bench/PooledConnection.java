package com.batchtrace.bench;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One open connection handed out again and again, as the server's connection pool does: the
 * application's queries are measured without the cost of opening a database session each time.
 */
final class PooledConnection {

  private PooledConnection() {}

  /** A data source whose connections are all {@code connection}; closing them keeps it open. */
  static DataSource of(DataSource target) throws SQLException {
    Connection connection = target.getConnection();
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : method.invoke(connection, args));
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) ->
                method.getName().equals("getConnection")
                    ? unclosable
                    : method.invoke(target, args));
  }
}
