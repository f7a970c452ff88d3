/** Demo users: who they are, their roles and sites (from configuration), and signing them in. */
@NullMarked
package org.clinicops.auth.users;

import org.jspecify.annotations.NullMarked;
