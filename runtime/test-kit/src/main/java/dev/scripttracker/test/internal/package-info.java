/** The test kit's machinery: isolated databases, snapshots, fault injection. May change at any time. */
package dev.scripttracker.test.internal;
