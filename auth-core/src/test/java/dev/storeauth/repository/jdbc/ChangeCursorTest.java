package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    @Test
    void deliversEachIdOnceInOrder() {
        ChangeCursor cursor = new ChangeCursor(10, 1_000);
        assertTrue(cursor.accept(11, 0));
        assertFalse(cursor.accept(11, 0));
        assertEquals(11, cursor.floor());
    }

    @Test
    void deliversAnIdCommittedLateThatWasSkipped() {
        ChangeCursor cursor = new ChangeCursor(10, 1_000);
        assertTrue(cursor.accept(13, 0));
        assertEquals(10, cursor.floor());
        assertTrue(cursor.accept(12, 100));
        assertFalse(cursor.accept(12, 100));
        assertFalse(cursor.accept(13, 100));
        assertEquals(1, cursor.gaps());
    }

    @Test
    void forgetsGapsAfterTheirLifetime() {
        ChangeCursor cursor = new ChangeCursor(10, 1_000);
        cursor.accept(12, 0);
        cursor.expire(999);
        assertEquals(10, cursor.floor());
        cursor.expire(1_000);
        assertEquals(12, cursor.floor());
        assertFalse(cursor.accept(11, 1_000));
    }

    @Test
    void boundsTheGapsOfAHugeJump() {
        ChangeCursor cursor = new ChangeCursor(0, 1_000);
        cursor.accept(1_000_000, 0);
        assertEquals(1_000, cursor.gaps());
    }

    @Test
    void resetForgetsGaps() {
        ChangeCursor cursor = new ChangeCursor(0, 1_000);
        cursor.accept(5, 0);
        cursor.reset(7);
        assertEquals(7, cursor.floor());
        assertEquals(0, cursor.gaps());
    }
}
