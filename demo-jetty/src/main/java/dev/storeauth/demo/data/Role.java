package dev.storeauth.demo.data;

/** What a control-panel user may do with the store's API accounts. */
public enum Role {
    /** Creates, lists and deletes API accounts. */
    OWNER,
    /** Signs in and sees the pages, but only the owner manages API accounts. */
    STAFF
}
