package bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** One list: a page of items. */
@Path("/items")
public class ItemResource {

    @GET
    public List<Item> list(@QueryParam("size") int size) {
        return Item.findAll().page(0, size <= 0 ? 50 : size).list();
    }
}
