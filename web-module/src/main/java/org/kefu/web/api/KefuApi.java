package org.kefu.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /kefu/api (JSON). Authentication: HTTP BASIC with a Kefu login. */
@ApplicationPath("api")
public class KefuApi extends Application {
}
