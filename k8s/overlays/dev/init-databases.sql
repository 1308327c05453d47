-- One database and one owner per service (the dev secrets hold the same passwords).
CREATE ROLE contract_registry LOGIN PASSWORD 'dev-contract-registry';
CREATE DATABASE contract_registry OWNER contract_registry;
CREATE ROLE asset_inventory LOGIN PASSWORD 'dev-asset-inventory';
CREATE DATABASE asset_inventory OWNER asset_inventory;
CREATE ROLE listing_approval LOGIN PASSWORD 'dev-listing-approval';
CREATE DATABASE listing_approval OWNER listing_approval;
CREATE ROLE keycloak LOGIN PASSWORD 'dev-keycloak';
CREATE DATABASE keycloak OWNER keycloak;
