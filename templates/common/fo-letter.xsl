<?xml version="1.0" encoding="UTF-8"?>
<!-- The letter form of TSB's letters (circulars, collective letters) as XSL-FO, for
     every document type that is a letter: A4 page masters (a first page with the ITU
     address footer, later pages with a running header), the letterhead, the place and
     date, the two-column header block (Ref, Contact, Tel, Fax, E-mail; To and Copy),
     the subject, and after the body the closing, the signature and "Annexes: N".

     Elements are matched by local name (each type has its own namespace): the root
     element holds @code, contact (name?, phone, fax?, email), to, copy?, subject,
     signature (title, name) and the annex elements. The including fo.xsl defines
     $doc-name (the document's name: "TSB Circular 50", "TSB Collective letter 2/17"),
     $sans-font, $heading-font, $accent, and the template "place-date"; the type's
     catalogs hold the strings union, bureau, emblem, label-ref, label-contact,
     label-tel, label-fax, label-email, label-to, label-copy, label-subject,
     list-item-end, list-last-end, closing, annexes, footer-address, footer-contact. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <!-- The labels' column of the header block (Ref, Tel, E-mail): "البريد الإلكتروني:"
       needs more than "E-mail:". -->
  <xsl:variable name="header-label-width">
    <xsl:choose>
      <xsl:when test="$lang = 'ar'">27mm</xsl:when>
      <xsl:otherwise>22mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The page masters "first" and "rest", and the sequence "letter" that uses them. -->
  <xsl:template name="letter-page-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="first" page-width="210mm" page-height="297mm"
                             margin-top="12mm" margin-bottom="10mm" margin-left="20mm" margin-right="20mm">
        <fo:region-body margin-bottom="18mm"/>
        <fo:region-after region-name="first-after" extent="14mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="rest" page-width="210mm" page-height="297mm"
                             margin-top="12mm" margin-bottom="15mm" margin-left="20mm" margin-right="20mm">
        <fo:region-body margin-top="16mm"/>
        <fo:region-before region-name="rest-before" extent="12mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="letter">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="rest" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- The static content of the page sequence: the address footer of the first page,
       the running header of the others ("- 2 -" and the document's name), the
       footnote separator. -->
  <xsl:template name="letter-page-furniture">
    <fo:static-content flow-name="first-after">
      <fo:block font-family="{$sans-font}" font-size="8pt" line-height="1.35" text-align="center"
                color="#333333" border-top="0.5pt solid #999999" padding-top="2mm" role="Artifact">
        <fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-address'"/></xsl:call-template></fo:block>
        <fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-contact'"/></xsl:call-template></fo:block>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="rest-before">
      <fo:block text-align="center" font-size="11pt" role="Artifact">- <fo:page-number/> -</fo:block>
      <fo:block text-align="center" font-size="9pt" color="#333333" role="Artifact"><xsl:value-of select="$doc-name"/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-footnote-separator">
      <fo:block space-before="6pt" space-after="3pt" role="Artifact"><fo:leader leader-pattern="rule" leader-length="45mm" rule-thickness="0.5pt"/></fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- From the letterhead to the subject. -->
  <xsl:template name="letter-head">
    <fo:table table-layout="fixed" width="100%" space-after="6mm">
      <fo:table-column column-width="22mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell display-align="center">
            <fo:block role="Figure">
              <fo:external-graphic src="url('{$emblem}')" content-width="18mm" content-height="18mm">
                <xsl:attribute name="fox:alt-text" namespace="http://xmlgraphics.apache.org/fop/extensions">
                  <xsl:call-template name="str"><xsl:with-param name="key" select="'emblem'"/></xsl:call-template>
                </xsl:attribute>
              </fo:external-graphic>
            </fo:block>
          </fo:table-cell>
          <fo:table-cell display-align="center">
            <fo:block font-family="{$sans-font}" font-size="11pt" font-weight="bold" color="{$accent}">
              <xsl:call-template name="str"><xsl:with-param name="key" select="'union'"/></xsl:call-template>
            </fo:block>
            <fo:block font-family="{$heading-font}" font-size="14pt" font-weight="bold" role="H1">
              <xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    <fo:block text-align="end" space-after="6mm"><xsl:call-template name="place-date"/></fo:block>

    <fo:table table-layout="fixed" width="100%" space-after="6mm" font-size="11pt">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell padding-end="4mm">
            <fo:list-block provisional-distance-between-starts="{$header-label-width}" provisional-label-separation="2mm">
              <xsl:call-template name="header-field">
                <xsl:with-param name="key" select="'label-ref'"/>
                <xsl:with-param name="value"><fo:block><xsl:value-of select="$doc-name"/></fo:block><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="@code"/></xsl:call-template></fo:block></xsl:with-param>
              </xsl:call-template>
              <xsl:if test="*[local-name() = 'contact']/*[local-name() = 'name']">
                <xsl:call-template name="header-field">
                  <xsl:with-param name="key" select="'label-contact'"/>
                  <xsl:with-param name="value"><fo:block><xsl:value-of select="*[local-name() = 'contact']/*[local-name() = 'name']"/></fo:block></xsl:with-param>
                </xsl:call-template>
              </xsl:if>
              <xsl:call-template name="header-field">
                <xsl:with-param name="key" select="'label-tel'"/>
                <xsl:with-param name="value"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="*[local-name() = 'contact']/*[local-name() = 'phone']"/></xsl:call-template></fo:block></xsl:with-param>
              </xsl:call-template>
              <xsl:if test="*[local-name() = 'contact']/*[local-name() = 'fax']">
                <xsl:call-template name="header-field">
                  <xsl:with-param name="key" select="'label-fax'"/>
                  <xsl:with-param name="value"><fo:block><xsl:call-template name="identifier"><xsl:with-param name="v" select="*[local-name() = 'contact']/*[local-name() = 'fax']"/></xsl:call-template></fo:block></xsl:with-param>
                </xsl:call-template>
              </xsl:if>
              <xsl:call-template name="header-field">
                <xsl:with-param name="key" select="'label-email'"/>
                <xsl:with-param name="value"><fo:block><xsl:apply-templates select="*[local-name() = 'contact']/*[local-name() = 'email']" mode="inline"/></fo:block></xsl:with-param>
              </xsl:call-template>
            </fo:list-block>
          </fo:table-cell>
          <fo:table-cell>
            <xsl:apply-templates select="*[local-name() = 'to' or local-name() = 'copy']" mode="letter"/>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>

    <fo:list-block provisional-distance-between-starts="{$header-label-width}" provisional-label-separation="2mm" space-after="8mm">
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block font-weight="bold" font-family="{$heading-font}" id="{*[local-name() = 'subject']/@id}"><xsl:apply-templates select="*[local-name() = 'subject']/node()" mode="inline"/></fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>

  </xsl:template>

  <!-- After the body: closing, signature, "Annexes: N" (no line without annexes). -->
  <xsl:template name="letter-close">
    <fo:block space-before="12pt" keep-with-next.within-page="always" role="P"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></fo:block>
    <fo:block space-before="24pt" keep-together.within-page="always" keep-with-next.within-page="always">
      <fo:block id="{*[local-name() = 'signature']/*[local-name() = 'title']/@id}"><xsl:apply-templates select="*[local-name() = 'signature']/*[local-name() = 'title']/node()" mode="inline"/></fo:block>
      <fo:block id="{*[local-name() = 'signature']/*[local-name() = 'name']/@id}"><xsl:value-of select="*[local-name() = 'signature']/*[local-name() = 'name']"/></fo:block>
    </fo:block>
    <xsl:if test="*[local-name() = 'annex']">
      <fo:block space-before="18pt" font-size="11pt">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'annexes'"/>
          <xsl:with-param name="args"><a n="n"><xsl:value-of select="count(*[local-name() = 'annex'])"/></a></xsl:with-param>
        </xsl:call-template>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="header-field">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <fo:list-item space-after="2pt">
      <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="$key"/></xsl:call-template></fo:block></fo:list-item-label>
      <fo:list-item-body start-indent="body-start()"><xsl:copy-of select="$value"/></fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <xsl:template match="*[local-name() = 'to' or local-name() = 'copy']" mode="letter">
    <fo:list-block provisional-distance-between-starts="14mm" provisional-label-separation="1mm" space-after="4pt">
      <fo:list-item>
        <fo:list-item-label end-indent="label-end()"><fo:block><xsl:call-template name="str"><xsl:with-param name="key" select="concat('label-', local-name())"/></xsl:call-template></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:list-block provisional-distance-between-starts="4mm" provisional-label-separation="1mm" role="L">
            <xsl:for-each select="*[local-name() = 'addressee']">
              <fo:list-item role="LI">
                <fo:list-item-label end-indent="label-end()"><fo:block>–</fo:block></fo:list-item-label>
                <fo:list-item-body start-indent="body-start()">
                  <fo:block id="{@id}">
                    <xsl:apply-templates mode="inline"/>
                    <xsl:call-template name="str">
                      <xsl:with-param name="key" select="substring('list-item-endlist-last-end', 1 + 13 * not(following::*[local-name() = 'addressee']), 13)"/>
                    </xsl:call-template>
                  </fo:block>
                </fo:list-item-body>
              </fo:list-item>
            </xsl:for-each>
          </fo:list-block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

</xsl:stylesheet>
