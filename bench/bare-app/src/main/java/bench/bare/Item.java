package bench.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One table, as a bare app has. */
@Entity
public class Item extends PanacheEntity {
    public String name;
}
