package dev.scripttracker.internal.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One attempt's parameters, checked: their texts for the script ({@code ctx.parameters()}), their values for
 * its record ({@code ctx.parameters(Params.class)}), what may be stored and shown of them, and the mask
 * that keeps secrets out of output and logs.
 */
public final class ResolvedParameters {

    static final String MASKED = SecretMask.MASK;

    private final Class<? extends Record> record;
    private final List<DeclaredParameter> declared;
    private final Map<String, String> texts;
    private final Map<String, Object> values;
    private final SecretMask mask;

    ResolvedParameters(Class<? extends Record> record, List<DeclaredParameter> declared, Map<String, String> texts,
            Map<String, Object> values) {
        this.record = record;
        this.declared = declared;
        this.texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        this.values = values;
        this.mask = new SecretMask(declared.stream().filter(p -> p.declaration().secret())
                .map(p -> texts.get(p.name())).filter(v -> v != null && !v.isEmpty()).toList());
    }

    /** The parameters of a script that declares none: passed as they are given. */
    static ResolvedParameters undeclared(Map<String, String> given) {
        return new ResolvedParameters(null, List.of(), given, Map.of());
    }

    /** The texts the script sees (given, from the environment, or defaults); secrets in clear. */
    public Map<String, String> texts() {
        return texts;
    }

    /** The texts with each secret's value replaced by {@code ****}: what is stored and shown. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>(texts);
        declared.stream().filter(p -> p.declaration().secret() && shown.containsKey(p.name()))
                .forEach(p -> shown.put(p.name(), MASKED));
        return shown;
    }

    /** The names of the given parameters that do not identify the attempt. */
    public List<String> nonIdentifying() {
        return declared.stream().filter(p -> !p.declaration().identifying() && texts.containsKey(p.name()))
                .map(DeclaredParameter::name).toList();
    }

    /** The identifying parameters (secrets masked), as one text: what a resumed loop must find unchanged. */
    public String identity() {
        Map<String, String> identifying = new TreeMap<>(shown());
        nonIdentifying().forEach(identifying::remove);
        return identifying.toString();
    }

    public SecretMask mask() {
        return mask;
    }

    /**
     * The script's parameters record.
     *
     * @throws IllegalArgumentException when the script declares no record, or another one
     */
    public <R extends Record> R as(Class<R> type) {
        if (record == null) {
            throw new IllegalArgumentException("this script declares no parameters record; name " + type.getName()
                    + " in its annotation: @TrackedScript(..., parameters = " + type.getSimpleName() + ".class)");
        }
        if (type != record) {
            throw new IllegalArgumentException("this script declares its parameters in " + record.getName()
                    + ", not " + type.getName() + "; call ctx.parameters(" + record.getSimpleName() + ".class)");
        }
        RecordComponent[] components = record.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = values.get(declared.get(i).name());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the parameters record " + record.getName() + " refused its values: "
                    + mask.apply(String.valueOf(e.getCause().getMessage())), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the parameters record " + record.getName()
                    + "; make it public (or at least its canonical constructor accessible)", e);
        }
    }
}
