// A fresh in-memory IndexedDB for the tests that need one (fake-indexeddb).
import 'fake-indexeddb/auto';
