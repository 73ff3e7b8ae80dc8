-- What a stock-take may cover (norms in endorsement or concluded), the most-positioned first: the
-- secretariat's choice and the default coverage read the first 500 in this order.
CREATE INDEX "norms_coverable_idx" ON "norms" USING btree ("position_count" DESC,"created_at","id") WHERE "norms"."status" in ('endorsement', 'concluded');