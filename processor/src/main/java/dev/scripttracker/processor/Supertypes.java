package dev.scripttracker.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** A class and every class and interface it extends or implements, by name. */
final class Supertypes {

    private final Set<String> names = new HashSet<>();
    private boolean unresolved;

    /** By name, so that Spring's interface needs no Spring on the class path. */
    boolean contains(String qualifiedName) {
        return names.contains(qualifiedName);
    }

    /** True when a supertype is not resolved yet (another processor may generate it in a later round). */
    boolean hasUnresolved() {
        return unresolved;
    }

    /** Finds the supertypes of the classes of one round, walking each shared one (Object, Script) once. */
    static final class Finder {

        private final Types types;
        private final Map<TypeElement, Supertypes> known = new HashMap<>();

        Finder(Types types) {
            this.types = types;
        }

        Supertypes of(TypeElement type) {
            Supertypes found = new Supertypes();
            found.names.add(type.getQualifiedName().toString());
            for (TypeMirror supertype : types.directSupertypes(type.asType())) {
                if (supertype.getKind() == TypeKind.ERROR) {
                    found.unresolved = true;
                } else if (supertype.getKind() == TypeKind.DECLARED) {
                    Supertypes inherited = ofSupertype((TypeElement) types.asElement(supertype));
                    found.names.addAll(inherited.names);
                    found.unresolved |= inherited.unresolved;
                }
            }
            return found;
        }

        private Supertypes ofSupertype(TypeElement type) {
            Supertypes found = known.get(type);
            if (found == null) {
                found = of(type);
                known.put(type, found);
            }
            return found;
        }
    }
}
