package io.guoziyun.listing;

import io.guoziyun.commons.testing.OpenApiDocumentCheck;
import io.guoziyun.commons.testing.TestOidc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(TestOidc.class)
@WithTestResource(FakeFindingServices.class)
class OpenApiDocumentTest extends OpenApiDocumentCheck {}
