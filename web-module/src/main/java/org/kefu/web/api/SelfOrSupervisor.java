package org.kefu.web.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource whose path names an agent ({@code {jobNumber}}): an agent may act on itself only,
 * supervisors and administrators on anyone ({@link SelfOrSupervisorFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SelfOrSupervisor {
}
