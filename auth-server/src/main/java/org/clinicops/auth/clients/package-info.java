/** The registered OAuth clients: the command line, the services' web pages and the demo simulator. */
@NullMarked
package org.clinicops.auth.clients;

import org.jspecify.annotations.NullMarked;
