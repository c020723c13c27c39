<?xml version="1.0" encoding="UTF-8"?>
<!-- The letter form of TSB's letters (circulars, collective letters) as HTML, for
     every document type that is a letter: the letterhead with the place and date, the
     header block (Ref, Contact, Tel, Fax, E-mail; To and Copy), the subject, and after
     the body the closing, the signature and "Annexes: N"; the address footer. The
     same text as common/fo-letter.xsl in the same order. Elements are matched by local
     name; the including html.xsl defines $doc-name and the template "place-date". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- From the letterhead to the subject. -->
  <xsl:template name="letter-head">
  <header class="letterhead">
    <div class="emblem" role="img" aria-label="emblem"></div>
    <p class="union"><xsl:call-template name="str"><xsl:with-param name="key" select="'union'"/></xsl:call-template></p>
    <p class="bureau"><xsl:call-template name="str"><xsl:with-param name="key" select="'bureau'"/></xsl:call-template></p>
    <p class="place-date" id="{*[local-name() = 'place']/@id}"><xsl:call-template name="place-date"/></p>
  </header>
  <div class="header-block">
    <dl class="refs">
      <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-ref'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$doc-name"/><br/><xsl:call-template name="identifier"><xsl:with-param name="v" select="@code"/></xsl:call-template></dd>
      <xsl:if test="*[local-name() = 'contact']/*[local-name() = 'name']">
        <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-contact'"/></xsl:call-template></dt>
        <dd id="{*[local-name() = 'contact']/*[local-name() = 'name']/@id}"><xsl:value-of select="*[local-name() = 'contact']/*[local-name() = 'name']"/></dd>
      </xsl:if>
      <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-tel'"/></xsl:call-template></dt>
      <dd><a href="tel:{translate(*[local-name() = 'contact']/*[local-name() = 'phone'], ' -', '')}"><xsl:call-template name="ltr-attr"/><xsl:value-of select="*[local-name() = 'contact']/*[local-name() = 'phone']"/></a></dd>
      <xsl:if test="*[local-name() = 'contact']/*[local-name() = 'fax']">
        <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-fax'"/></xsl:call-template></dt>
        <dd><xsl:call-template name="identifier"><xsl:with-param name="v" select="*[local-name() = 'contact']/*[local-name() = 'fax']"/></xsl:call-template></dd>
      </xsl:if>
      <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-email'"/></xsl:call-template></dt>
      <dd><a href="mailto:{*[local-name() = 'contact']/*[local-name() = 'email']}"><xsl:call-template name="ltr-attr"/><xsl:value-of select="*[local-name() = 'contact']/*[local-name() = 'email']"/></a></dd>
    </dl>
    <div class="addressees">
      <xsl:apply-templates select="*[local-name() = 'to' or local-name() = 'copy']" mode="letter"/>
    </div>
  </div>
  <p class="subject">
    <span class="label"><xsl:call-template name="str"><xsl:with-param name="key" select="'label-subject'"/></xsl:call-template></span>
    <xsl:text> </xsl:text>
    <strong id="{*[local-name() = 'subject']/@id}"><xsl:apply-templates select="*[local-name() = 'subject']/node()" mode="inline"/></strong>
  </p>
  </xsl:template>

  <!-- After the body: closing, signature, "Annexes: N". -->
  <xsl:template name="letter-close">
  <p class="closing"><xsl:call-template name="str"><xsl:with-param name="key" select="'closing'"/></xsl:call-template></p>
  <p class="signature">
    <span id="{*[local-name() = 'signature']/*[local-name() = 'title']/@id}"><xsl:apply-templates select="*[local-name() = 'signature']/*[local-name() = 'title']/node()" mode="inline"/></span><br/>
    <span id="{*[local-name() = 'signature']/*[local-name() = 'name']/@id}"><xsl:value-of select="*[local-name() = 'signature']/*[local-name() = 'name']"/></span>
  </p>
  <xsl:if test="*[local-name() = 'annex']">
    <p class="annexes">
      <xsl:call-template name="str">
        <xsl:with-param name="key" select="'annexes'"/>
        <xsl:with-param name="args"><a n="n"><xsl:value-of select="count(*[local-name() = 'annex'])"/></a></xsl:with-param>
      </xsl:call-template>
    </p>
  </xsl:if>
  </xsl:template>

  <!-- The ITU address, once, at the end of the page. -->
  <xsl:template name="letter-footer">
  <footer class="address">
    <p><xsl:call-template name="str"><xsl:with-param name="key" select="'footer-address'"/></xsl:call-template><br/>
    <xsl:call-template name="str"><xsl:with-param name="key" select="'footer-contact'"/></xsl:call-template></p>
  </footer>
  </xsl:template>

  <xsl:template match="*[local-name() = 'to' or local-name() = 'copy']" mode="letter">
    <section class="{local-name()}">
      <h2 class="label"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('label-', local-name())"/></xsl:call-template></h2>
      <ul>
        <xsl:for-each select="*[local-name() = 'addressee']">
          <li id="{@id}">
            <span class="dash">–</span><xsl:text> </xsl:text>
            <xsl:apply-templates mode="inline"/>
            <xsl:call-template name="str">
              <xsl:with-param name="key" select="substring('list-item-endlist-last-end', 1 + 13 * not(following::*[local-name() = 'addressee']), 13)"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>
