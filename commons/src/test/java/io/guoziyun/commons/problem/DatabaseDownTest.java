package io.guoziyun.commons.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseDownTest {

    @Test
    void aDatabaseThatIsGoneRestartingOrFullIsDown() {
        assertTrue(DatabaseDown.is(new PersistenceException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseDown.is(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseDown.is(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseDown.is(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseDown.is(new IllegalStateException(new ConnectException("Connection refused"))));
    }

    @Test
    void aCommitCutOffByARestartIsDownThoughItsReasonIsOnlySuppressed() {
        // As Narayana reports it (seen in bench/faults.sh): RollbackException, the reason in a suppressed XAException.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(DatabaseDown.is(new RuntimeException("Error invoking subclass method", rollback)));
        Exception unrelated = new Exception("Could not commit transaction.");
        unrelated.addSuppressed(new IllegalStateException("a bug"));
        assertFalse(DatabaseDown.is(new RuntimeException(unrelated)));
    }

    @Test
    void aFaultOfTheRequestOrTheCodeIsNot() {
        assertFalse(DatabaseDown.is(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseDown.is(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseDown.is(new NullPointerException()));
    }
}
